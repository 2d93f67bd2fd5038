/*
 * test_wrap.c - wrap_text (report/report_text.c) folds prose at a width
 * counted in characters: translated text with accents ("ação", "más")
 * folds where the same text in plain letters does, never earlier because
 * its UTF-8 takes more bytes, and never cuts a character in two.
 */
#include "tap.h"
#include "report/report.h"

#include <stdlib.h>

/* plain - s with each two-byte UTF-8 character (the Latin-1 accents)
 * replaced by one "x", so its bytes count its characters */
static char *plain(const char *s)
{
	char *o = malloc(strlen(s) + 1), *p = o;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c & 0xe0) == 0xc0 && ((unsigned char)s[1] & 0xc0) == 0x80) {
			*p++ = 'x';
			s++;
		} else {
			*p++ = *s;
		}
	}
	*p = 0;
	return o;
}

/* wrapped - text folded at width with indent, NUL-terminated */
static char *wrapped(const char *text, int indent, int width)
{
	struct buf b = {0};
	wrap_text(&b, text, indent, width);
	buf_putc(&b, 0);
	return b.p;
}

/* widest - the most characters on one line of s */
static size_t widest(const char *s)
{
	size_t best = 0, n = 0;
	for (; *s; s++) {
		if (*s == '\n') {
			best = n > best ? n : best;
			n = 0;
		} else if (((unsigned char)*s & 0xc0) != 0x80) {
			n++;
		}
	}
	return n > best ? n : best;
}

TEST(wrap_counts_characters_not_bytes)
{
	static const char *const texts[] = {
		("2 endereços tentaram adivinhar senhas SASL, 16 falhas (198.51.100.206, "
		 "203.0.113.251). Próximo passo: bloqueie-os (postsleuth ban) e ofereça AUTH só "
		 "nas portas 587/465."),
		("El log de depuración está activado: el log contiene lo que enviaron los clientes, "
		 "credenciales de AUTH incluidas. Siguiente paso: vuelva a bajar el nivel."),
		"ção ção ção ção ção ção ção ção ção ção ção ção ção ção ção ção ção ção ção",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *accented = wrapped(texts[i], 4, 78);
		char *p = plain(texts[i]);
		char *ascii = wrapped(p, 4, 78);
		char *folded = plain(accented);
		/* the same line breaks as the text in plain letters */
		CHECK_STR(folded, ascii);
		CHECK(widest(accented) <= 78);
		/* accents make the text longer in bytes than 78 a line would allow */
		CHECK(strlen(accented) > strlen(ascii));
		free(accented);
		free(p);
		free(ascii);
		free(folded);
	}
}

TEST(wrap_never_splits_a_character)
{
	/* one word longer than the width: cut between characters */
	char *w = wrapped("ééééééééééééééééééééééééééééééééééééééééé", 0, 20);
	CHECK_STR(w, "éééééééééééééééééééé\néééééééééééééééééééé\né\n");
	free(w);
}
