/*
 * i18n.h - the language of the prose: gettext catalogues (po/), chosen
 * by --lang or the usual LANGUAGE, LC_ALL, LC_MESSAGES, LANG.
 *
 * Only the words change: JSON keys and ids, setting names, log text and
 * numbers written for machines stay as they are.  Number formatting of
 * the C library is never switched (only LC_MESSAGES is set), so JSON and
 * every printf stay in the C locale; the few numbers a sentence shows
 * with a decimal part go through i18n_decimal().
 */
#ifndef POSTSLEUTH_I18N_H
#define POSTSLEUTH_I18N_H

#include <stddef.h>

#define I18N_DOMAIN "postsleuth"

/* mark a string for the catalogue where it is defined, translate where used */
#define N_(s) (s)
#define _(s) i18n_text(s)
#define P_(one, many, n) i18n_plural(one, many, n)
/* a msgid with a context, for short words that mean different things */
#define C_(ctx, s) i18n_context(ctx "\004" s, s)

/* i18n_init - pick the language: lang ("pt_BR", "es", "en", "C") or,
 * when NULL, the environment; false when the language asked for has no
 * catalogue (the prose then stays in English) */
_Bool i18n_init(const char *lang);

/* i18n_lang - the catalogue in use: "en" when none */
const char *i18n_lang(void);

/* the format_arg attributes keep gcc's printf checks on the msgids */
const char *i18n_text(const char *msgid) __attribute__((format_arg(1)));
const char *i18n_plural(const char *one, const char *many, unsigned long long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));
const char *i18n_context(const char *ctx_msgid, const char *msgid) __attribute__((format_arg(2)));

/* i18n_decimal - v with d decimals and the language's decimal mark, in out */
const char *i18n_decimal(char *out, size_t n, double v, int d);

#endif
