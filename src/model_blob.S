/* model_blob.S: the syntax model (model/en-ewt.dym, CC BY-SA 4.0, see
 * NOTICE) built into libdyad as read-only data, so that the program needs no
 * file beside it and the model is used in place, without loading. */
	.section .rodata.dy_syn_blob,"a"
	.balign 64
	.globl dy_syn_blob
	.hidden dy_syn_blob
dy_syn_blob:
	.incbin DY_MODEL_FILE
dy_syn_blob_end:
	.balign 8
	.globl dy_syn_blob_size
	.hidden dy_syn_blob_size
dy_syn_blob_size:
	.quad dy_syn_blob_end - dy_syn_blob
	.section .note.GNU-stack,"",@progbits
