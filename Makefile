# dyad: build, test, demo. `make demo` and `make check` are the two entry
# points; both install missing Debian packages first (scripts/deps.sh).
CC ?= cc
SAN ?=
# link-time optimisation: the hot word tests (lex.c, dict.c) are called
# from the parser and coder in other files (about 10% faster whole runs)
OPT ?= -O2 -flto=auto
BUILD ?= build$(if $(SAN),-san)
PKGS = json-c libutf8proc libzstd
WARN = -Wall -Wextra -Wshadow -Wconversion -Wmissing-prototypes -Werror
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) -g $(WARN) -fvisibility=hidden \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(if $(SAN),-fsanitize=$(SAN) -fno-omit-frame-pointer -fno-sanitize-recover=all) $(CFLAGS)
LDLIBS_ALL = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -ljson-c -lutf8proc -lzstd) -lpthread -lm $(LDLIBS)
LDFLAGS_ALL = $(filter -O% -flto%,$(OPT)) $(if $(SAN),-fsanitize=$(SAN)) $(LDFLAGS)

# library sources in pipeline order (see README "Source layout")
LIB_SRC = src/arena.c src/reader.c src/segment.c src/lex.c src/dict.c src/tabari.c \
	src/petrarch.c src/options.c src/cache.c src/load.c src/memo.c src/parse.c src/code.c src/doc.c src/cameo.c src/emit.c src/petrxml.c src/validate.c \
	src/conllu.c src/tok.c src/percep.c src/tagger.c src/depparse.c src/syntax.c src/syntax_api.c src/validate_ud.c src/train.c src/tree.c src/status.c src/roles.c src/grammar.c src/pattern.c src/light.c src/aim.c src/names.c
# the syntax model (tagger and parser weights, CC BY-SA 4.0: see NOTICE) is
# built into the library; `make model` retrains it from ../shared/ud
MODEL = model/en-ewt.dym
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/builtin_data.o $(BUILD)/model_blob.o
DICT_FILES = $(sort $(wildcard dict/*.actors dict/*.agents dict/*.verbs dict/*.options dict/*.txt dict/*.grammar))

.PHONY: all deps demo check test bench clean fuzz model
# the packages are installed before anything compiles, whatever -j: the
# build is a second make that starts only when deps.sh has finished
all: deps-quiet
	@$(MAKE) --no-print-directory $(BUILD)/dyad

deps:
	@sh scripts/deps.sh
deps-quiet:
	@sh scripts/deps.sh --quiet

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) include/dyad.h | $(BUILD)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

# the tagger and parser's inner loops: -O3 unrolls and vectorises them (9% fewer
# instructions per word than -O2, callgrind)
$(BUILD)/percep.o $(BUILD)/depparse.o $(BUILD)/tagger.o: CFLAGS_ALL += -O3
# cache images record a checksum of the dictionary model's headers (the options are part of it): an image
# written for other record definitions is never trusted
$(BUILD)/cache.o: CFLAGS_ALL += -DDY_MODEL_SUM=$(shell cat src/dict.h src/options.h | cksum | cut -d' ' -f1)u

$(BUILD)/builtin_data.c: $(DICT_FILES) tools/embed.sh | $(BUILD)
	sh tools/embed.sh $(DICT_FILES) > $@

$(BUILD)/builtin_data.o: $(BUILD)/builtin_data.c
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -c $< -o $@

$(BUILD)/model_blob.o: src/model_blob.S $(MODEL) | $(BUILD)
	$(CC) -c -DDY_MODEL_FILE='"$(MODEL)"' $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	rm -f $@ && $(if $(filter -flto%,$(OPT)),gcc-ar,ar) rcs $@ $^

CLI_SRC = src/cli.c src/cli_code.c src/cli_input.c src/cli_fetch.c src/cli_parse.c
$(BUILD)/dyad: $(CLI_SRC) src/cli_code.h src/cli_input.h src/cli_fetch.h src/cli_parse.h $(BUILD)/libdyad.a
	$(CC) $(CFLAGS_ALL) $(CLI_SRC) $(BUILD)/libdyad.a $(LDFLAGS_ALL) $(LDLIBS_ALL) -o $@

$(BUILD):
	mkdir -p $@

demo: all
	$(BUILD)/dyad code --date 2018-06-10 examples/sco-talks.txt

TEST_BIN = $(BUILD)/test_unit
$(TEST_BIN): tests/test_unit.c $(BUILD)/libdyad.a
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Isrc $< $(BUILD)/libdyad.a $(LDFLAGS_ALL) $(LDLIBS_ALL) -lcmocka -o $@

SYNTAX_TEST = $(BUILD)/test_syntax
$(SYNTAX_TEST): tests/test_syntax.c $(BUILD)/libdyad.a
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Isrc $< $(BUILD)/libdyad.a $(LDFLAGS_ALL) $(LDLIBS_ALL) -lcmocka -o $@

# the allocation-failure test replaces malloc: not with a sanitizer's own
OOM_BIN = $(if $(SAN),,$(BUILD)/test_oom)
# (its own file is compiled apart from link-time optimisation, which would
# see through the counting malloc it defines)
$(BUILD)/test_oom: tests/test_oom.c $(BUILD)/libdyad.a
	$(CC) $(CFLAGS_ALL) -fno-lto -Wno-missing-prototypes -c $< -o $(BUILD)/test_oom.o
	$(CC) $(BUILD)/test_oom.o $(BUILD)/libdyad.a $(LDFLAGS_ALL) $(LDLIBS_ALL) -o $@

FUZZ_REPLAY = $(BUILD)/fuzz_replay
$(FUZZ_REPLAY): tests/fuzz/replay.c tests/fuzz/fuzz_all.c $(BUILD)/libdyad.a
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes tests/fuzz/replay.c tests/fuzz/fuzz_all.c $(BUILD)/libdyad.a $(LDFLAGS_ALL) $(LDLIBS_ALL) -o $@

# libFuzzer (needs clang): builds the target and runs it FUZZ_TIME seconds
# on each of FUZZ_JOBS processes over a copy of the corpus; crashers are
# left as build-fuzz/crash-*, to become corpus files (regression tests)
FUZZ_TIME ?= 300
FUZZ_JOBS ?= 2
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang SAN=fuzzer-no-link,address,undefined OPT=-O1 build-fuzz/libdyad.a
	clang -std=c11 -O1 -g -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_all.c build-fuzz/libdyad.a $(LDLIBS_ALL) -o build-fuzz/fuzz_all
	mkdir -p build-fuzz/corpus && cp tests/fuzz/corpus/* build-fuzz/corpus/
	cd build-fuzz && ./fuzz_all -jobs=$(FUZZ_JOBS) -workers=$(FUZZ_JOBS) -max_total_time=$(FUZZ_TIME) -rss_limit_mb=4096 corpus

# every test, then the same under AddressSanitizer and UBSan
check: deps-quiet
	$(MAKE) --no-print-directory test
	$(MAKE) --no-print-directory test SAN=address,undefined OPT=-O1

test: $(BUILD)/dyad $(TEST_BIN) $(SYNTAX_TEST) $(BUILD)/dyad-train $(FUZZ_REPLAY) $(OOM_BIN)
	LC_ALL=C DYAD=$(BUILD)/dyad TEST_UNIT=$(TEST_BIN) TEST_SYNTAX=$(SYNTAX_TEST) DYAD_TRAIN=$(BUILD)/dyad-train FUZZ_REPLAY=$(FUZZ_REPLAY) TEST_OOM=$(OOM_BIN) sh tests/run.sh

# dyad-train builds without a model (tools/noblob.c stands in for it)
TRAIN_OBJ = $(filter-out $(BUILD)/model_blob.o,$(LIB_OBJ))
$(BUILD)/dyad-train: tools/train.c tools/noblob.c $(TRAIN_OBJ)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes tools/train.c tools/noblob.c $(TRAIN_OBJ) $(LDFLAGS_ALL) $(LDLIBS_ALL) -o $@

# retrains the model from the treebank: same data, same file, byte for byte
UD = ../shared/ud
TRAIN_ARGS = --tag-epochs 10 --dep-epochs 15 --folds 10 --threads 2 --seed 1 --prune-tagger 64 --prune-parser 64 --parsers 3
model: deps-quiet
	@$(MAKE) --no-print-directory $(BUILD)/dyad-train
	$(BUILD)/dyad-train --train $(UD)/en_ewt-ud-train.conllu.zst --dev $(UD)/en_ewt-ud-dev.conllu.zst \
		--out $(MODEL) $(TRAIN_ARGS) --info "dyad syntax model: UD_English-EWT (CC BY-SA 4.0) train set; $(TRAIN_ARGS)"

$(BUILD)/bench-syntax: tools/bench_syntax.c $(BUILD)/libdyad.a
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes tools/bench_syntax.c $(BUILD)/libdyad.a $(LDFLAGS_ALL) $(LDLIBS_ALL) -o $@

bench: all
	@$(MAKE) --no-print-directory $(BUILD)/bench-syntax
	sh tests/bench.sh $(BUILD)/dyad
	sh tests/bench_syntax.sh $(BUILD)/bench-syntax $(BUILD)/dyad

clean:
	rm -rf build build-san build-fuzz build-trace
