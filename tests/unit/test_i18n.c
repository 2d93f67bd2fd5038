/*
 * test_i18n.c - the catalogues: every finding's words and every
 * verdict's headline exist in each
 * language postsleuth ships (a new row without its translation fails
 * here), the language is picked from --lang and the environment as
 * gettext does, plurals and the decimal mark follow the language.
 *
 * The catalogues are read from $POSTSLEUTH_LOCALEDIR (make check points
 * it at build/locale), else from build/locale under the current directory.
 */
#include "progs.h"
#include "analyze/verdicts.h"
#include "diagnose/finding.h"
#include "util/i18n.h"
#include "util/buf.h"
#include "report/findings.h"

#include <stdlib.h>
#include <string.h>

static const char *const shipped[] = {"pt_BR", "es"};

static void locale_dir(void)
{
	const char *d = getenv("POSTSLEUTH_LOCALEDIR");
	if (!d || !*d)
		setenv("POSTSLEUTH_LOCALEDIR", "build/locale", 1);
}

/* env - set or clear the locale variables */
static void env(const char *lc_all, const char *lc_messages, const char *lang, const char *language)
{
	const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"};
	const char *vals[] = {lc_all, lc_messages, lang, language};
	for (int i = 0; i < 4; i++) {
		if (vals[i])
			setenv(names[i], vals[i], 1);
		else
			unsetenv(names[i]);
	}
}

TEST(i18n_every_finding_translated)
{
	locale_dir();
	for (size_t l = 0; l < sizeof shipped / sizeof shipped[0]; l++) {
		CHECK(i18n_init(shipped[l]));
		CHECK_STR(i18n_lang(), shipped[l]);
		for (int i = 0; i < F__COUNT; i++) {
			enum finding_id f = (enum finding_id)i;
			const struct finding_prose *en = finding_prose_en(f);
			CHECK(en != NULL);
			if (!en)
				continue;
			const struct finding_prose *tr = finding_prose(f);
			/* gettext gives the msgid itself back when it has no translation */
			if (tr->meaning == en->meaning || tr->fix == en->fix ||
			    (en->caveat && tr->caveat == en->caveat))
				test_fail(__FILE__, __LINE__, "%s: finding %s has words without translation",
					  shipped[l], finding_id(f));
			i18n_init("en");
			const char *title_en = finding_title(f);
			i18n_init(shipped[l]);
			if (finding_title(f) == title_en)
				test_fail(__FILE__, __LINE__, "%s: the title of %s is not translated", shipped[l],
					  finding_id(f));
		}
		/* the verdicts' headlines (analyze/verdicts.h) */
		for (int v = 0; v < V__COUNT; v++) {
			const char *en = verdict_row((enum verdict)v)->title;
			if (_(en) == en)
				test_fail(__FILE__, __LINE__, "%s: verdict %s's title is not translated",
					  shipped[l], verdict_row((enum verdict)v)->id);
		}
		for (int s = 0; s < SIDE__COUNT; s++)
			CHECK(strcmp(finding_side_words((enum finding_side)s), "") != 0);
	}
	i18n_init("en");
}

/* the glance's "Next:" is a finding's fix up to its first sentence end:
 * never cut after an abbreviation ("e.g.", es "p. ej.", pt "p. ex.") */
TEST(i18n_next_step_not_cut_at_abbreviation)
{
	locale_dir();
	const char *langs[] = {"en", "pt_BR", "es"};
	const char *bad[] = {" p.", " ej.", " ex.", "e.g.", "i.e.", "(p."};
	for (size_t l = 0; l < 3; l++) {
		CHECK(i18n_init(langs[l]));
		for (int i = 0; i < F__COUNT; i++) {
			struct buf b = {0};
			finding_next_step(&b, (enum finding_id)i);
			buf_putc(&b, '\0');
			for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
				size_t n = strlen(b.p), m = strlen(bad[k]);
				if (n >= m && !strcmp(b.p + n - m, bad[k]))
					test_fail(__FILE__, __LINE__, "%s: %s: next step cut at \"%s\": %s",
						  langs[l], finding_id((enum finding_id)i), bad[k], b.p);
			}
			buf_free(&b);
		}
	}
	/* the first sentence still ends where it ends */
	i18n_init("en");
	struct buf b = {0};
	finding_next_step(&b, F_OUT_TIMEOUT);
	buf_putc(&b, '\0');
	CHECK(b.n > 2 && strchr(b.p, '.') == b.p + strlen(b.p) - 1);
	buf_free(&b);
}

TEST(i18n_words_in_portuguese_and_spanish)
{
	locale_dir();
	CHECK(i18n_init("pt_BR"));
	CHECK_STR(finding_side_words(SIDE_REMOTE), _("a remote server"));
	CHECK(strcmp(finding_side_words(SIDE_REMOTE), "a remote server") != 0);
	/* Brazilian Portuguese: 0 and 1 are singular */
	CHECK(strcmp(P_("%llu line", "%llu lines", 1), P_("%llu line", "%llu lines", 2)) != 0);
	CHECK_STR(P_("%llu line", "%llu lines", 0), P_("%llu line", "%llu lines", 1));
	char d[32];
	CHECK_STR(i18n_decimal(d, sizeof d, 3.5, 1), "3,5");
	CHECK(i18n_init("es"));
	/* Spanish: 0 is plural */
	CHECK_STR(P_("%llu line", "%llu lines", 0), P_("%llu line", "%llu lines", 2));
	CHECK_STR(i18n_decimal(d, sizeof d, 12.25, 2), "12,25");
	CHECK(i18n_init("en"));
	CHECK_STR(i18n_decimal(d, sizeof d, 3.5, 1), "3.5");
	CHECK_STR(P_("%llu line", "%llu lines", 0), "%llu lines");
	CHECK_STR(finding_side_words(SIDE_REMOTE), "a remote server");
}

TEST(i18n_language_from_the_environment)
{
	locale_dir();
	/* a locale that is not compiled on this system still gets its words */
	env(NULL, NULL, "pt_BR.UTF-8", NULL);
	CHECK(i18n_init(NULL));
	CHECK_STR(i18n_lang(), "pt_BR");
	/* LANGUAGE first, as gettext reads it */
	env(NULL, NULL, "pt_BR.UTF-8", "es");
	CHECK(i18n_init(NULL));
	CHECK_STR(i18n_lang(), "es");
	/* LC_ALL over LC_MESSAGES over LANG */
	env("es_ES.UTF-8", "pt_BR.UTF-8", "en_US.UTF-8", NULL);
	CHECK(i18n_init(NULL));
	CHECK_STR(i18n_lang(), "es");
	env(NULL, "es_AR.UTF-8", "pt_BR.UTF-8", NULL);
	CHECK(i18n_init(NULL));
	CHECK_STR(i18n_lang(), "es");
	/* the C locale ignores LANGUAGE, as gettext does */
	env("C", NULL, NULL, "pt_BR");
	CHECK(i18n_init(NULL));
	CHECK_STR(i18n_lang(), "en");
	env(NULL, NULL, NULL, "pt_BR");
	CHECK(i18n_init(NULL));
	CHECK_STR(i18n_lang(), "en");
	/* a language without a catalogue: English, and said so */
	env(NULL, NULL, "fr_FR.UTF-8", NULL);
	CHECK(!i18n_init(NULL));
	CHECK_STR(i18n_lang(), "en");
	CHECK(!i18n_init("fr"));
	CHECK(i18n_init("C"));
	CHECK(i18n_init("en_GB"));
	CHECK_STR(i18n_lang(), "en");
	/* the language part alone finds the catalogue of its country */
	CHECK(i18n_init("es_MX.UTF-8"));
	CHECK_STR(i18n_lang(), "es");
	env(NULL, NULL, NULL, NULL);
	CHECK(i18n_init("en"));
}
