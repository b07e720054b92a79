/* noblob.c: stands in for the built-in model (src/model_blob.S) in the
 * training tool, which must build before any model exists. */
const unsigned char dy_syn_blob[8] = {0};
const unsigned long long dy_syn_blob_size = 0;
