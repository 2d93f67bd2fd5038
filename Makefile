# postsleuth - build, test, install.  Plain make + pkg-config.
#
#   make            build ./postsleuth
#   make check      unit + golden tests, then the same again under ASan+UBSan
#   make bench      throughput and memory on three 256 MiB logs, peers beside, then
#                   watch's lag and CPU at a sustained line rate (make bench-live
#                   alone; docs/performance.md)
#   make e2e        against a real Postfix, Dovecot and rsyslog (root; docs/e2e.md)
#   make examples   examples/mail.log from a fresh e2e run (root; docs/e2e.md)
#   make fuzz       libFuzzer targets, FUZZ_SECONDS each (clang; docs/security.md)
#   make valgrind   the golden commands under valgrind memcheck
#   make install    PREFIX=/usr/local DESTDIR= (binary, man page, systemd unit)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
UNITDIR ?= $(PREFIX)/lib/systemd/system
CC      ?= cc
PKG_CONFIG ?= pkg-config

VERSION := 0.1.0
PKGS    := zlib liblzma libzstd sqlite3
HAVE_SYSTEMD := $(shell $(PKG_CONFIG) --exists libsystemd 2>/dev/null && echo yes)
ifeq ($(HAVE_SYSTEMD),yes)
PKGS    += libsystemd
SYSDEF  := -DHAVE_SYSTEMD
endif

WARN    := -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-format-nonliteral
CFLAGS  ?= -O3 -g -fno-plt
# LTO: the program's and the unit tests' objects optimised across files at
# the link (the parsers' small helpers inlined into their callers:
# speed36, docs/performance.md); LTO= builds without.  Not in the
# sanitizer trees (each one compile of every source).  Objects built
# without it are not rebuilt by a change of it: make clean first.
CC_IS_CLANG := $(findstring clang,$(shell $(CC) --version 2>/dev/null | head -n 1))
LTO     ?= $(if $(CC_IS_CLANG),-flto,-flto=auto)
ALL_CFLAGS := -std=c17 -D_GNU_SOURCE -pthread $(WARN) $(SYSDEF) -DPOSTSLEUTH_VERSION='"$(VERSION)"' \
              -DLOCALEDIR='"$(LOCALEDIR)"' \
              $(shell $(PKG_CONFIG) --cflags $(PKGS)) $(CFLAGS)
LIBS    := $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm -pthread

# BUILD/SAN_DIR/BIN may be overridden to keep several build trees apart.
BUILD   ?= build
SAN_DIR ?= build-san
BIN     ?= postsleuth

# the HTML report's style sheet and script, as C strings with their
# CSP hashes (src/report/html_assets.sh), included by writer_html.c
GEN     := $(BUILD)/gen
ALL_CFLAGS += -I$(GEN)
HTML_ASSETS := src/report/html_page.css src/report/html_sort.js

SRC     := $(sort $(wildcard src/*/*.c))
LIB_OBJ := $(SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/main.o
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

UNIT_SRC := $(sort $(wildcard tests/unit/*.c))

# sources whose every string is prose (tables of words without a marker)
POT_ALL := src/diagnose/finding_prose.c src/diagnose/finding_prose_in.c src/diagnose/finding_prose_users.c src/diagnose/finding_prose_local.c src/diagnose/finding_prose_out.c \
	src/diagnose/finding_prose_master.c src/diagnose/finding_prose_bulk.c \
	src/diagnose/finding_prose_routes.c src/diagnose/finding_prose_host.c

.PHONY: locale pot po all check check-fast test unit golden san-check tsan bench bench-live install uninstall clean \
	examples fuzz e2e \
	fuzz-build valgrind

all: $(BIN) locale

$(BIN): $(LIB_OBJ) $(MAIN_OBJ)
	$(CC) $(ALL_CFLAGS) $(LTO) -o $@ $^ $(LIBS)

# The catalogues (po/): compiled into $(BUILD)/locale, the tree the tests
# point POSTSLEUTH_LOCALEDIR at; without msgfmt (Debian's gettext) the
# binary builds and speaks English.
LINGUAS := $(shell cat po/LINGUAS)
MO      := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/postsleuth.mo)
MSGFMT  := $(shell command -v msgfmt 2>/dev/null)
POT_SRC := $(shell cat po/POTFILES)

ifneq ($(MSGFMT),)
locale: $(MO)
else
locale:
	@echo "msgfmt not found (Debian package gettext): the catalogues are not built"
endif

$(BUILD)/locale/%/LC_MESSAGES/postsleuth.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# make pot: the template from the sources (POT=FILE: elsewhere); make po:
# merged into each catalogue
POT     ?= po/postsleuth.pot
pot:
	xgettext --from-code=UTF-8 --package-name=postsleuth --package-version=$(VERSION) \
	  --add-comments=TRANSLATORS --sort-by-file -k_ -kN_ -kP_:1,2 -kC_:1c,2 \
	  -o $(POT) $(filter-out $(POT_ALL),$(POT_SRC))
	xgettext --from-code=UTF-8 --join-existing --sort-by-file -kX:6,6t -kX:3,3t \
	  -o $(POT) src/diagnose/finding.h
	xgettext --from-code=UTF-8 --join-existing --sort-by-file -kX:9,11t \
	  -o $(POT) src/analyze/verdicts.h
	xgettext --from-code=UTF-8 --join-existing --sort-by-file --extract-all \
	  -o $(POT) $(POT_ALL)
	sed -i 's/charset=CHARSET/charset=UTF-8/' $(POT)

po: pot
	for l in $(LINGUAS); do msgmerge --quiet --update --backup=none po/$$l.po po/postsleuth.pot; done

$(BUILD)/%.o: %.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LTO) -c -o $@ $<

$(GEN)/html_assets.h: src/report/html_assets.sh $(HTML_ASSETS)
	@mkdir -p $(dir $@)
	sh src/report/html_assets.sh $@ $(HTML_ASSETS)

$(BUILD)/src/report/writer_html.o $(SAN_DIR)/postsleuth $(SAN_DIR)/unit_tests: $(GEN)/html_assets.h

$(BUILD)/unit_tests: $(LIB_OBJ) $(UNIT_SRC) $(wildcard tests/unit/*.h)
	$(CC) $(ALL_CFLAGS) $(LTO) -Isrc -o $@ $(UNIT_SRC) $(LIB_OBJ) $(LIBS)

# The sanitizer build is a separate tree with its own objects.
$(SAN_DIR)/postsleuth: $(SRC) src/main.c $(wildcard src/*/*.h)
	@mkdir -p $(SAN_DIR)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -o $@ $(SRC) src/main.c $(LIBS)

$(SAN_DIR)/unit_tests: $(SRC) $(UNIT_SRC) $(wildcard src/*/*.h) $(wildcard tests/unit/*.h)
	@mkdir -p $(SAN_DIR)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -Isrc -o $@ $(UNIT_SRC) $(SRC) $(LIBS)

# make tsan: the two-thread feed (src/feed/pipeline.c) under ThreadSanitizer:
# the unit tests (test_feed_threads.c), the golden set and the input suite
# with two threads forced on every input; any report fails the run (exit 66).  Not part of check (a few
# minutes); bench/same-output.sh OLD build-tsan/postsleuth with
# POSTSLEUTH_THREADS=2 is the long form (docs/performance.md).
TSAN_DIR ?= build-tsan
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
$(TSAN_DIR)/postsleuth: $(SRC) src/main.c $(wildcard src/*/*.h) $(GEN)/html_assets.h
	@mkdir -p $(TSAN_DIR)
	$(CC) $(ALL_CFLAGS) $(TSAN_FLAGS) -o $@ $(SRC) src/main.c $(LIBS)

tsan: export POSTSLEUTH_THREADS := 2
tsan: export TSAN_OPTIONS := halt_on_error=1 exitcode=66
tsan: export POSTSLEUTH_LOCALEDIR := $(CURDIR)/$(BUILD)/locale
$(TSAN_DIR)/unit_tests: $(SRC) $(UNIT_SRC) $(wildcard src/*/*.h) $(wildcard tests/unit/*.h) $(GEN)/html_assets.h
	@mkdir -p $(TSAN_DIR)
	$(CC) $(ALL_CFLAGS) $(TSAN_FLAGS) -Isrc -o $@ $(UNIT_SRC) $(SRC) $(LIBS)

tsan: $(TSAN_DIR)/postsleuth $(TSAN_DIR)/unit_tests locale
	@$(TSAN_DIR)/unit_tests
	@sh tests/golden.sh $(CURDIR)/$(TSAN_DIR)/postsleuth
	@sh tests/suite-input.sh $(CURDIR)/$(TSAN_DIR)/postsleuth

# the suites read the catalogues of this tree
check check-fast: export POSTSLEUTH_LOCALEDIR := $(CURDIR)/$(BUILD)/locale

# make check: every suite, plain then sanitized; one summary line at the end.
check: $(BIN) locale $(BUILD)/unit_tests $(SAN_DIR)/postsleuth $(SAN_DIR)/unit_tests
	@sh tests/run-all.sh $(BIN) $(BUILD)/unit_tests $(SAN_DIR)/postsleuth $(SAN_DIR)/unit_tests

# quick: plain build only, no sanitizers
check-fast: $(BIN) locale $(BUILD)/unit_tests
	@sh tests/run-all.sh $(BIN) $(BUILD)/unit_tests

test: check

bench: $(BIN)
	@bash bench/run.sh $(BIN)
	@python3 bench/live.py $(BIN)

# watch alone: lag from a line written to its ban, and CPU, at a sustained rate
bench-live: $(BIN)
	@python3 bench/live.py $(BIN)

# Not part of check: needs root, Postfix, Dovecot, rsyslog; a few minutes.
e2e: $(BIN)
	@sh e2e/run.sh $(BIN) $(BUILD)/e2e

examples: $(BIN)
	@E2E_ONLY=syslog sh e2e/run.sh $(BIN) $(BUILD)/e2e-examples; \
	test -s $(BUILD)/e2e-examples/truth.json && python3 e2e/examples.py $(BUILD)/e2e-examples examples/mail.log

# make fuzz: libFuzzer targets (fuzz/fuzz_*.c, clang) from seed corpora
# built out of the real logs, each run for FUZZ_SECONDS; crashes are kept
# in $(FUZZ_BUILD)/crashes/.  Library objects are built once per tree.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= $(BUILD)-libfuzzer
FUZZ_SAN     := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all
FUZZ_TARGETS := $(patsubst fuzz/%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))
FUZZ_OBJ     := $(patsubst %.c,$(FUZZ_BUILD)/%.o,$(filter-out src/cmd/%,$(SRC)))

$(FUZZ_BUILD)/%.o: %.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/src/report/writer_html.o: $(GEN)/html_assets.h

$(FUZZ_BUILD)/libpostsleuth.a: $(FUZZ_OBJ)
	rm -f $@ && ar rcs $@ $(FUZZ_OBJ)

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h $(FUZZ_BUILD)/libpostsleuth.a
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -Isrc -o $@ $< \
		$(FUZZ_BUILD)/libpostsleuth.a $(LIBS)

.SECONDARY: $(FUZZ_OBJ) $(FUZZ_BUILD)/libpostsleuth.a
fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/%)

fuzz: fuzz-build
	@sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# make valgrind: the golden set's commands under memcheck; any error fails.
valgrind: $(BIN)
	@sh tests/valgrind.sh $(BIN)

install: $(BIN) locale
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(UNITDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/postsleuth
	install -m 644 man/postsleuth.1 $(DESTDIR)$(MANDIR)/man1/postsleuth.1
	sed 's|@BINDIR@|$(BINDIR)|g' dist/postsleuth-watch.service.in >$(DESTDIR)$(UNITDIR)/postsleuth-watch.service
	chmod 644 $(DESTDIR)$(UNITDIR)/postsleuth-watch.service
	for l in $(LINGUAS); do \
	  if [ -f $(BUILD)/locale/$$l/LC_MESSAGES/postsleuth.mo ]; then \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/postsleuth.mo \
	      $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/postsleuth.mo; fi; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/postsleuth $(DESTDIR)$(MANDIR)/man1/postsleuth.1 \
		$(DESTDIR)$(UNITDIR)/postsleuth-watch.service
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/postsleuth.mo; done

clean:
	rm -rf $(BUILD) $(SAN_DIR) $(TSAN_DIR) $(BIN) $(FUZZ_BUILD) build-clang
