/*
 * i18n.c - gettext set up for the prose only.
 *
 * Only LC_MESSAGES is set, so printf's numbers stay those of the C
 * locale.  A container or a minimal system often has no compiled locale
 * for the language asked for (setlocale fails for "pt_BR.UTF-8"); the
 * catalogue is still used then, through the C.UTF-8 locale every glibc
 * has and the LANGUAGE variable gettext reads first.  The catalogues'
 * text is UTF-8 whatever the locale's codeset.
 *
 * Catalogues are looked up in $POSTSLEUTH_LOCALEDIR when set (the tests
 * point it at the build tree), else in LOCALEDIR (make install), then
 * beside the program: build/locale of a source tree, ../share/locale of
 * a moved installation.
 */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static bool on;                 /* a catalogue was bound */
static char lang[16] = "en";

/* lang_of - "pt_BR" from "pt_BR.UTF-8@x", "pt" from "pt"; false for C/POSIX/empty */
static bool lang_of(const char *v, char *out, size_t n)
{
	if (!v || !*v || !strcmp(v, "C") || !strcmp(v, "POSIX") || !strncmp(v, "C.", 2))
		return false;
	size_t k = strcspn(v, ".@:");
	if (k == 0 || k >= n)
		return false;
	memcpy(out, v, k);
	out[k] = 0;
	return true;
}

/* env_lang - the language the environment asks for: LC_ALL, else
 * LC_MESSAGES, else LANG names the locale; when that is not C, the first
 * of LANGUAGE's list wins, as in gettext */
static bool env_lang(char *out, size_t n)
{
	const char *v = getenv("LC_ALL");
	if (!v || !*v)
		v = getenv("LC_MESSAGES");
	if (!v || !*v)
		v = getenv("LANG");
	char base[16];
	if (!lang_of(v, base, sizeof base))
		return false;
	if (lang_of(getenv("LANGUAGE"), out, n))
		return true;
	memcpy(out, base, strlen(base) + 1);
	return true;
}

/* has_catalogue - is there a postsleuth.mo for l (or its language part) */
static bool has_catalogue(const char *dir, char *l)
{
	char path[4096];
	for (int pass = 0; pass < 2; pass++) {
		snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, l, I18N_DOMAIN);
		FILE *f = fopen(path, "rb");
		if (f) {
			fclose(f);
			return true;
		}
		char *u = strchr(l, '_');
		if (!u)
			break;
		*u = 0;         /* pt_BR -> pt */
	}
	return false;
}

bool i18n_init(const char *want)
{
	char l[16];
	on = false;
	strcpy(lang, "en");
	if (want) {
		if (!lang_of(want, l, sizeof l))
			return !strcmp(want, "C") || !strcmp(want, "POSIX");
	} else if (!env_lang(l, sizeof l)) {
		return true;
	}
	if (!strcmp(l, "en") || !strncmp(l, "en_", 3))
		return true;
	/* where the catalogue is: the variable, the installation's directory,
	 * then beside the program (a build tree's build/locale, or a prefix
	 * moved elsewhere: bin/../share/locale) */
	char exe[4096], alt[2][4200];
	const char *cand[4] = {getenv("POSTSLEUTH_LOCALEDIR"), LOCALEDIR, NULL, NULL};
	ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (k > 0) {
		exe[k] = 0;
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = 0;
			snprintf(alt[0], sizeof alt[0], "%s/build/locale", exe);
			snprintf(alt[1], sizeof alt[1], "%s/../share/locale", exe);
			cand[2] = alt[0];
			cand[3] = alt[1];
		}
	}
	const char *dir = NULL;
	char base[16];
	for (int i = 0; i < 4 && !dir; i++) {
		memcpy(base, l, sizeof base);
		if (cand[i] && *cand[i] && has_catalogue(cand[i], base))
			dir = cand[i];
		if (i == 0 && cand[0] && *cand[0])
			break;  /* the variable, when set, is the only place */
	}
	if (!dir)
		return false;
	memcpy(l, base, sizeof base);
	/* the locale itself when it is compiled, else C.UTF-8 + LANGUAGE */
	char name[40];
	snprintf(name, sizeof name, "%s.UTF-8", l);
	if (!setlocale(LC_MESSAGES, want ? name : ""))
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", l, 1);
	bindtextdomain(I18N_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
	snprintf(lang, sizeof lang, "%s", l);
	on = true;
	return true;
}

const char *i18n_lang(void)
{
	return lang;
}

const char *i18n_text(const char *msgid)
{
	return on && msgid && *msgid ? dgettext(I18N_DOMAIN, msgid) : msgid;
}

const char *i18n_plural(const char *one, const char *many, unsigned long long n)
{
	if (on)
		return dngettext(I18N_DOMAIN, one, many, (unsigned long)n);
	return n == 1 ? one : many;
}

const char *i18n_context(const char *ctx_msgid, const char *msgid)
{
	if (!on)
		return msgid;
	const char *t = dgettext(I18N_DOMAIN, ctx_msgid);
	return t == ctx_msgid ? msgid : t;
}

const char *i18n_decimal(char *out, size_t n, double v, int d)
{
	snprintf(out, n, "%.*f", d, v);
	/* TRANSLATORS: the decimal mark of numbers in sentences: "." or "," */
	const char *mark = C_("decimal mark", ".");
	if (strcmp(mark, ".") != 0 && *mark)
		for (char *p = out; *p; p++)
			if (*p == '.')
				*p = *mark;     /* one byte: "," in every catalogue */
	return out;
}
