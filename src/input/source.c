/*
 * source.c - byte sources: plain files, stdin, gzip (zlib, multi-member),
 * xz (liblzma, concatenated streams) and zstd (libzstd, multi-frame).
 *
 * The decoders are the libraries' own streaming APIs; a truncated or
 * corrupt file ends its source with an error naming the file and the
 * compressed offset where decoding failed.  A stream that needs more
 * memory than the limit (source.h) ends with the figure it needs.  NUL
 * bytes after a gzip member (the padding tape and copy tools leave) end
 * the file as well as its end does.
 *
 * While a gzip file is read with ->jump set, inflate stops at the first
 * deflate block boundary past each JUMP_GZ_STEP-spaced offset and the
 * place is noted (jump.h); source_seek starts a raw inflate there.
 */
#include "source.h"
#include "jump.h"
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
#include <zstd_errors.h>

#define IN_CAP (256 * 1024)
#define MIB (1024 * 1024)
#define ZSTD_HEADER_MAX 18      /* magic, descriptor, window, dictionary ID, content size */
#define ZSTD_FEED (16 * 1024)   /* input per call: an error is placed within this much */

static uint64_t mem_limit = SOURCE_MEM_DEFAULT;

/* source_set_mem_limit - the decoders' memory limit from now on */
void source_set_mem_limit(uint64_t bytes)
{
	mem_limit = bytes;
}

/* source_mem_limit - the decoders' memory limit */
uint64_t source_mem_limit(void)
{
	return mem_limit;
}

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

/* set_too_big - a valid stream that needs more memory than the limit
 * (need 0: the decoder did not say how much) */
static void set_too_big(struct source *s, uint64_t need)
{
	if (s->error)
		return;
	size_t n = strlen(s->name) + 160;
	s->error = xmalloc(n);
	if (need)
		snprintf(s->error, n, "%s: needs %llu MiB of memory to decompress, above the limit of "
			 "%llu MiB (--decompress-max)", s->name,
			 (unsigned long long)((need + MIB - 1) / MIB), (unsigned long long)(mem_limit / MIB));
	else
		snprintf(s->error, n, "%s: needs more memory to decompress than the limit of %llu MiB "
			 "(--decompress-max)", s->name, (unsigned long long)(mem_limit / MIB));
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

/* fill_at_least - k unread bytes in the input buffer, or all that is left */
static void fill_at_least(struct source *s, size_t k)
{
	if (s->in_len - s->in_pos >= k)
		return;
	memmove(s->inbuf, s->inbuf + s->in_pos, s->in_len - s->in_pos);
	s->in_len -= s->in_pos;
	s->in_pos = 0;
	while (s->in_len < k) {
		ssize_t r = raw_read(s, s->inbuf + s->in_len, s->in_cap - s->in_len);
		if (r <= 0)
			break;
		s->in_len += (size_t)r;
	}
}

/* zstd_window - the window a zstd frame header declares (RFC 8878,
 * 3.1.1.1), which is what the decoder allocates; false when p[0..n) does
 * not begin a whole frame header (a skippable frame, too few bytes) */
static bool zstd_window(const unsigned char *p, size_t n, uint64_t *w)
{
	static const unsigned did_len[] = {0, 1, 2, 4}, fcs_len[] = {1, 2, 4, 8};
	if (n < 6 || memcmp(p, "\x28\xb5\x2f\xfd", 4) != 0)
		return false;
	unsigned fhd = p[4];
	if (!(fhd & 0x20)) { /* a window descriptor: 2^(10+exponent) plus eighths */
		uint64_t base = 1ULL << (10 + (p[5] >> 3));
		*w = base + base / 8 * (p[5] & 7);
		return true;
	}
	/* a single segment: the window is the content size */
	size_t at = 5 + did_len[fhd & 3], k = fcs_len[fhd >> 6];
	if (n < at + k)
		return false;
	uint64_t v = 0;
	for (size_t i = k; i-- > 0;)
		v = v << 8 | p[at + i];
	*w = k == 2 ? v + 256 : v;
	return true;
}

/* zstd_log_max - the smallest power of two that holds the limit, as the
 * decoder's own bound (the exact check is zstd_window's, per frame) */
static int zstd_log_max(void)
{
	ZSTD_bounds b = ZSTD_dParam_getBounds(ZSTD_d_windowLogMax);
	int log = b.lowerBound;
	while (log < b.upperBound && (1ULL << log) < mem_limit)
		log++;
	return log;
}

static void detect(struct source *s);

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
	detect(s);
	return s;
}

/* source_open_fd - fd read again from its start, through a descriptor of
 * its own: a spool of lines (plain text, !sniff) or a regular standard
 * input (sniffed like a file); name is for messages */
struct source *source_open_fd(const char *name, int fd, bool sniff)
{
	struct source *s = xcalloc(1, sizeof *s);
	s->name = xstrdup(name);
	s->fd = fcntl(fd, F_DUPFD_CLOEXEC, 1);
	if (s->fd < 0 || lseek(s->fd, 0, SEEK_SET) != 0) {
		set_error(s, strerror(errno));
		return s;
	}
	if (sniff)
		detect(s);
	return s;
}

/* detect - read the magic bytes, choose the kind, set up its decoder */
static void detect(struct source *s)
{
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
		if (lzma_stream_decoder(l, mem_limit, LZMA_CONCATENATED) != LZMA_OK)
			fatal(EXIT_ENV, "liblzma initialisation failed");
		s->codec = l;
	} else if (s->kind == SRC_ZSTD) {
		ZSTD_DStream *z = ZSTD_createDStream();
		if (!z)
			fatal(EXIT_ENV, "libzstd initialisation failed");
		ZSTD_initDStream(z);
		ZSTD_DCtx_setParameter(z, ZSTD_d_windowLogMax, zstd_log_max());
		s->codec = z;
		s->between = true;
	} else if (s->kind == SRC_BZIP2) {
		set_error(s, "bzip2 files are not supported (decompress with bunzip2 and pipe into -)");
	}
}

/* gzip_mark - note a resume point where inflate stopped (a block
 * boundary): the decompressed offset, the compressed one, the bits of
 * the last byte not yet used and the window before it */
static void gzip_mark(struct source *s, z_stream *z, size_t n)
{
	unsigned char w[JUMP_WINDOW];
	uInt wlen = sizeof w;
	if (inflateGetDictionary(z, w, &wlen) != Z_OK)
		return;
	jump_mark_gz(s->jump, s->out_off + (n - z->avail_out), s->raw_off - (s->in_len - s->in_pos),
		     (unsigned)(z->data_type & 7), w, wlen);
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
		if (s->skip) {
			size_t k = s->in_len - s->in_pos < s->skip ? s->in_len - s->in_pos : s->skip;
			s->in_pos += k;
			s->skip -= k;
			continue;
		}
		if (s->between) { /* NUL padding after a member is not a member */
			while (s->in_pos < s->in_len && s->inbuf[s->in_pos] == 0)
				s->in_pos++;
			if (s->in_pos == s->in_len)
				continue;
			s->between = false;
		}
		z->next_in = s->inbuf + s->in_pos;
		z->avail_in = (uInt)(s->in_len - s->in_pos);
		/* a resume point due: to the next block boundary; else no
		 * further than where one is due */
		bool mark = false;
		uInt hold = 0;
		if (s->jump) {
			uint64_t here = s->out_off + (n - z->avail_out);
			mark = jump_gz_due(s->jump, here);
			if (!mark && s->jump->gz_next - here < z->avail_out)
				hold = z->avail_out - (uInt)(s->jump->gz_next - here);
		}
		z->avail_out -= hold;
		int r = inflate(z, mark ? Z_BLOCK : Z_NO_FLUSH);
		z->avail_out += hold;
		s->in_pos = s->in_len - z->avail_in;
		s->mid_frame = true;
		if (r == Z_STREAM_END) {
			if (s->raw_deflate) { /* resumed: the member's trailer, then gzip again */
				s->raw_deflate = false;
				s->skip = 8;
				inflateReset2(z, 15 + 16);
			} else {
				inflateReset(z);
			}
			s->mid_frame = false;
			s->between = true;
			continue;
		}
		if (r != Z_OK && r != Z_BUF_ERROR) {
			s->raw_off -= z->avail_in;
			set_error(s, "corrupt gzip data");
			break;
		}
		/* at a block boundary, not after the last block of a member */
		if (mark && (z->data_type & 128) && !(z->data_type & 64))
			gzip_mark(s, z, n);
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
		if (r == LZMA_MEMLIMIT_ERROR) {
			set_too_big(s, lzma_memusage(l));
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
		if (s->between) { /* a frame begins: is its window within the limit */
			fill_at_least(s, ZSTD_HEADER_MAX);
			uint64_t w;
			if (zstd_window(s->inbuf + s->in_pos, s->in_len - s->in_pos, &w) && w > mem_limit) {
				set_too_big(s, w);
				break;
			}
			s->between = false;
		}
		if (!fill_in(s))
			break;
		size_t avail = s->in_len - s->in_pos;
		ZSTD_inBuffer in = {s->inbuf + s->in_pos, avail < ZSTD_FEED ? avail : ZSTD_FEED, 0};
		size_t r = ZSTD_decompressStream(z, &out, &in);
		s->in_pos += in.pos;
		if (ZSTD_isError(r) && ZSTD_getErrorCode(r) == ZSTD_error_frameParameter_windowTooLarge) {
			set_too_big(s, 0);
			break;
		}
		if (ZSTD_isError(r)) {
			s->raw_off -= s->in_len - s->in_pos; /* where this call began */
			set_error(s, "corrupt zstd data");
			break;
		}
		s->mid_frame = r != 0;
		s->between = r == 0;
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
	if (r <= 0)
		return 0;
	s->out_off += (uint64_t)r;
	return r;
}

/* gzip_resume - inflate raw deflate from the resume point g on; false
 * (nothing changed) if the file cannot be sought */
static bool gzip_resume(struct source *s, const struct jump_gz *g)
{
	z_stream *z = s->codec;
	uint64_t at = g->in - (g->bits ? 1 : 0);
	if (lseek(s->fd, (off_t)at, SEEK_SET) != (off_t)at)
		return false;
	s->peek_pos = s->peek_len;
	s->raw_off = at;
	s->in_len = s->in_pos = 0;
	s->eof = false;
	s->between = false;
	s->skip = 0;
	s->out_off = g->out;
	s->raw_deflate = true;
	s->mid_frame = true;
	if (inflateReset2(z, -15) != Z_OK) {
		set_error(s, "zlib reset failed");
		return true;
	}
	if (g->bits) {
		if (!fill_in(s)) {
			s->eof = true;
			return true;
		}
		inflatePrime(z, (int)g->bits, s->inbuf[s->in_pos++] >> (8 - g->bits));
	}
	if (g->wlen)
		inflateSetDictionary(z, g->window, g->wlen);
	return true;
}

/* source_seek - the next source_read begins at decompressed offset off:
 * a plain file at any offset; a gzip file forwards only, from the
 * nearest resume point of ix (jump.h) past where it is, decompressing
 * the rest of the way.  False (nothing changed) if it cannot (another
 * kind, an error, backwards); true but at the end if the data ends before
 * off. */
bool source_seek(struct source *s, uint64_t off, const struct jump_index *ix)
{
	if (s->error || s->fd < 0)
		return false;
	if (s->kind == SRC_PLAIN) {
		if (lseek(s->fd, (off_t)off, SEEK_SET) != (off_t)off)
			return false;
		s->peek_pos = s->peek_len;
		s->raw_off = s->out_off = off;
		s->eof = false;
		return true;
	}
	if (s->kind != SRC_GZIP || off < s->out_off)
		return false;
	const struct jump_gz *g = ix ? jump_find_gz(ix, off) : NULL;
	if (g && g->out > s->out_off && !gzip_resume(s, g))
		return false;
	enum { SCRAP = 64 * 1024 };
	unsigned char *scrap = xmalloc(SCRAP);
	while (s->out_off < off) {
		uint64_t k = off - s->out_off < SCRAP ? off - s->out_off : SCRAP;
		if (source_read(s, scrap, (size_t)k) <= 0)
			break;
	}
	free(scrap);
	return true;
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
