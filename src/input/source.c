/*
 * source.c - byte sources: plain files, stdin, gzip (zlib, multi-member),
 * xz (liblzma, concatenated streams) and zstd (libzstd, multi-frame).
 *
 * The decoders are the libraries' own streaming APIs; a truncated or
 * corrupt file ends its source with an error naming the file and the
 * compressed offset where decoding failed.
 */
#include "source.h"
#include "../util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define IN_CAP (256 * 1024)

/* source_sniff - the kind of stream these first bytes begin */
enum source_kind source_sniff(const unsigned char *p, size_t n)
{
	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		return SRC_GZIP;
	if (n >= 6 && memcmp(p, "\xfd" "7zXZ\0", 6) == 0)
		return SRC_XZ;
	if (n >= 4 && memcmp(p, "\x28\xb5\x2f\xfd", 4) == 0)
		return SRC_ZSTD;
	if (n >= 8 && memcmp(p, "LPKSHHRH", 8) == 0)
		return SRC_JOURNAL;
	if (n >= 3 && memcmp(p, "BZh", 3) == 0)
		return SRC_BZIP2;
	return SRC_PLAIN;
}

/* source_kind_name - for messages */
const char *source_kind_name(enum source_kind k)
{
	static const char *names[] = {"plain", "gzip", "xz", "zstd", "journal", "bzip2"};
	return names[k];
}

/* set_error - remember the first error of a source */
static void set_error(struct source *s, const char *what)
{
	if (s->error)
		return;
	size_t n = strlen(s->name) + strlen(what) + 64;
	s->error = xmalloc(n);
	snprintf(s->error, n, "%s: %s at byte offset %llu", s->name, what,
		 (unsigned long long)s->raw_off);
	s->eof = true;
}

/* raw_read - read file bytes, serving the sniffed magic first */
static ssize_t raw_read(struct source *s, void *buf, size_t n)
{
	if (s->peek_pos < s->peek_len) {
		size_t k = s->peek_len - s->peek_pos;
		if (k > n)
			k = n;
		memcpy(buf, s->peek + s->peek_pos, k);
		s->peek_pos += k;
		s->raw_off += k;
		return (ssize_t)k;
	}
	for (;;) {
		ssize_t r = read(s->fd, buf, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			set_error(s, strerror(errno));
			return -1;
		}
		s->raw_off += (uint64_t)r;
		return r;
	}
}

/* fill_in - top up the compressed input buffer; false at EOF/error */
static bool fill_in(struct source *s)
{
	if (s->in_pos < s->in_len)
		return true;
	ssize_t r = raw_read(s, s->inbuf, s->in_cap);
	if (r <= 0)
		return false;
	s->in_len = (size_t)r;
	s->in_pos = 0;
	return true;
}

/* source_open - open path ("-" = stdin) and detect its kind */
struct source *source_open(const char *path)
{
	struct source *s = xcalloc(1, sizeof *s);
	s->name = xstrdup(path);
	if (strcmp(path, "-") == 0) {
		s->fd = 0;
	} else {
		s->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (s->fd < 0) {
			s->error = xmalloc(strlen(path) + 256);
			snprintf(s->error, strlen(path) + 256, "%s: %s", path, strerror(errno));
			s->eof = true;
			return s;
		}
		struct stat st;
		if (fstat(s->fd, &st) == 0) {
			s->mtime = st.st_mtime;
			if (S_ISDIR(st.st_mode)) {
				s->error = xmalloc(strlen(path) + 128);
				snprintf(s->error, strlen(path) + 128, "%s: a directory with no mail log "
					 "in it (mail.log*, maillog*, mail.info*, postfix.log*, mail-*)", path);
				s->eof = true;
				return s;
			}
		}
	}
	while (s->peek_len < sizeof s->peek) {
		ssize_t r = read(s->fd, s->peek + s->peek_len, sizeof s->peek - s->peek_len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		s->peek_len += (size_t)r;
	}
	s->kind = source_sniff(s->peek, s->peek_len);
	if (s->kind == SRC_GZIP || s->kind == SRC_XZ || s->kind == SRC_ZSTD) {
		s->in_cap = IN_CAP;
		s->inbuf = xmalloc(s->in_cap);
	}
	if (s->kind == SRC_GZIP) {
		z_stream *z = xcalloc(1, sizeof *z);
		if (inflateInit2(z, 15 + 16) != Z_OK)
			fatal(EXIT_ENV, "zlib initialisation failed");
		s->codec = z;
	} else if (s->kind == SRC_XZ) {
		lzma_stream *l = xcalloc(1, sizeof *l);
		if (lzma_stream_decoder(l, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
			fatal(EXIT_ENV, "liblzma initialisation failed");
		s->codec = l;
	} else if (s->kind == SRC_ZSTD) {
		ZSTD_DStream *z = ZSTD_createDStream();
		if (!z)
			fatal(EXIT_ENV, "libzstd initialisation failed");
		ZSTD_initDStream(z);
		s->codec = z;
	} else if (s->kind == SRC_BZIP2) {
		set_error(s, "bzip2 files are not supported (decompress with bunzip2 and pipe into -)");
	}
	return s;
}

/* read_gzip - inflate, restarting on each concatenated gzip member */
static ssize_t read_gzip(struct source *s, void *buf, size_t n)
{
	z_stream *z = s->codec;
	z->next_out = buf;
	z->avail_out = (uInt)n;
	while (z->avail_out == n) {
		if (!fill_in(s))
			break;
		z->next_in = s->inbuf + s->in_pos;
		z->avail_in = (uInt)(s->in_len - s->in_pos);
		int r = inflate(z, Z_NO_FLUSH);
		s->in_pos = s->in_len - z->avail_in;
		s->mid_frame = true;
		if (r == Z_STREAM_END) {
			inflateReset(z);
			s->mid_frame = false;
			continue;
		}
		if (r != Z_OK && r != Z_BUF_ERROR) {
			s->raw_off -= z->avail_in;
			set_error(s, "corrupt gzip data");
			break;
		}
	}
	size_t got = n - z->avail_out;
	if (got == 0 && !s->error) {
		if (s->mid_frame)
			set_error(s, "truncated gzip file");
		s->eof = true;
	}
	return (ssize_t)got;
}

/* read_xz - liblzma streaming decode */
static ssize_t read_xz(struct source *s, void *buf, size_t n)
{
	lzma_stream *l = s->codec;
	l->next_out = buf;
	l->avail_out = n;
	while (l->avail_out == n) {
		lzma_action act = LZMA_RUN;
		if (!fill_in(s)) {
			if (s->error)
				break;
			act = LZMA_FINISH;
			l->avail_in = 0;
		} else {
			l->next_in = s->inbuf + s->in_pos;
			l->avail_in = s->in_len - s->in_pos;
		}
		lzma_ret r = lzma_code(l, act);
		s->in_pos = s->in_len - l->avail_in;
		if (r == LZMA_STREAM_END) {
			s->eof = true;
			break;
		}
		if (r != LZMA_OK) {
			s->raw_off -= l->avail_in;
			set_error(s, r == LZMA_BUF_ERROR ? "truncated xz file" : "corrupt xz data");
			break;
		}
	}
	return (ssize_t)(n - l->avail_out);
}

/* read_zstd - libzstd streaming decode across frames */
static ssize_t read_zstd(struct source *s, void *buf, size_t n)
{
	ZSTD_DStream *z = s->codec;
	ZSTD_outBuffer out = {buf, n, 0};
	while (out.pos == 0) {
		if (!fill_in(s))
			break;
		ZSTD_inBuffer in = {s->inbuf + s->in_pos, s->in_len - s->in_pos, 0};
		size_t r = ZSTD_decompressStream(z, &out, &in);
		s->in_pos += in.pos;
		if (ZSTD_isError(r)) {
			s->raw_off -= in.size - in.pos;
			set_error(s, "corrupt zstd data");
			break;
		}
		s->mid_frame = r != 0;
	}
	if (out.pos == 0 && !s->error) {
		if (s->mid_frame)
			set_error(s, "truncated zstd file");
		s->eof = true;
	}
	return (ssize_t)out.pos;
}

/* source_read - up to n decompressed bytes; 0 at end (check ->error) */
ssize_t source_read(struct source *s, void *buf, size_t n)
{
	if (s->eof)
		return 0;
	ssize_t r;
	switch (s->kind) {
	case SRC_GZIP: r = read_gzip(s, buf, n); break;
	case SRC_XZ: r = read_xz(s, buf, n); break;
	case SRC_ZSTD: r = read_zstd(s, buf, n); break;
	case SRC_JOURNAL:
		set_error(s, "a systemd journal file (read it with --journal-file)");
		return 0;
	default:
		r = raw_read(s, buf, n);
		if (r == 0)
			s->eof = true;
		break;
	}
	return r < 0 ? 0 : r;
}

/* source_close - release everything */
void source_close(struct source *s)
{
	if (!s)
		return;
	if (s->kind == SRC_GZIP && s->codec) {
		inflateEnd(s->codec);
		free(s->codec);
	} else if (s->kind == SRC_XZ && s->codec) {
		lzma_end(s->codec);
		free(s->codec);
	} else if (s->kind == SRC_ZSTD && s->codec) {
		ZSTD_freeDStream(s->codec);
	}
	if (s->fd > 0)
		close(s->fd);
	free(s->inbuf);
	free(s->error);
	free(s->name);
	free(s);
}
