// The ICU shim: the only file in Tarjim that includes ICU headers. It calls ICU's ordinary names
// (the version-suffixed ones are macros that Swift cannot import).
#include "cicu.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

static char tj_version_buf[U_MAX_VERSION_STRING_LENGTH];

const char *tj_icu_version(void) {
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, tj_version_buf);
    return tj_version_buf;
}

// ---- UTF-8 <-> UTF-16 helpers ----

/// Converts UTF-8 to a malloc'ed UTF-16 buffer (with `extra` spare units). Returns NULL on failure.
static UChar *tj_to_u16(const char *src, int32_t len, int32_t *outlen, int32_t extra, UErrorCode *st) {
    int32_t need = 0;
    u_strFromUTF8(NULL, 0, &need, src, len, st);
    if (*st == U_BUFFER_OVERFLOW_ERROR || *st == U_STRING_NOT_TERMINATED_WARNING) *st = U_ZERO_ERROR;
    if (U_FAILURE(*st)) return NULL;
    UChar *buf = (UChar *)malloc(sizeof(UChar) * (size_t)(need + extra + 1));
    if (!buf) { *st = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strFromUTF8(buf, need + extra + 1, outlen, src, len, st);
    if (U_FAILURE(*st)) { free(buf); return NULL; }
    return buf;
}

/// Writes UTF-16 `u` into `dst` as UTF-8; returns the needed length or -code.
static int32_t tj_from_u16(const UChar *u, int32_t ulen, char *dst, int32_t cap) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8(dst, cap, &need, u, ulen, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING) return need;
    if (U_FAILURE(st)) return -(int32_t)st;
    return need;
}

// ---- Normalization ----

static const UNormalizer2 *tj_norm(int32_t form, UErrorCode *st) {
    return form == 1 ? unorm2_getNFKCInstance(st) : unorm2_getNFCInstance(st);
}

int32_t tj_normalize(int32_t form, const char *src, int32_t len, char *dst, int32_t cap) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n = tj_norm(form, &st);
    if (U_FAILURE(st)) return -(int32_t)st;
    int32_t ulen = 0;
    UChar *u = tj_to_u16(src, len, &ulen, 0, &st);
    if (!u) return -(int32_t)st;
    int32_t ncap = ulen * 3 + 16;  // NFKC may expand (U+FDFA expands to 18 units; retried below)
    UChar *out = (UChar *)malloc(sizeof(UChar) * (size_t)ncap);
    if (!out) { free(u); return -(int32_t)U_MEMORY_ALLOCATION_ERROR; }
    int32_t olen = unorm2_normalize(n, u, ulen, out, ncap, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        free(out);
        ncap = olen + 1;
        out = (UChar *)malloc(sizeof(UChar) * (size_t)ncap);
        if (!out) { free(u); return -(int32_t)U_MEMORY_ALLOCATION_ERROR; }
        st = U_ZERO_ERROR;
        olen = unorm2_normalize(n, u, ulen, out, ncap, &st);
    }
    free(u);
    if (U_FAILURE(st)) { free(out); return -(int32_t)st; }
    int32_t r = tj_from_u16(out, olen, dst, cap);
    free(out);
    return r;
}

int32_t tj_norm_is_inert(int32_t form, int32_t cp) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n = tj_norm(form, &st);
    if (U_FAILURE(st)) return 0;
    return unorm2_isInert(n, (UChar32)cp) ? 1 : 0;
}

int32_t tj_nfkc_qc_yes(int32_t cp) {
    return u_getIntPropertyValue((UChar32)cp, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES ? 1 : 0;
}

int32_t tj_combining_class(int32_t cp) {
    return (int32_t)u_getCombiningClass((UChar32)cp);
}

int32_t tj_norm_has_boundary_before(int32_t form, int32_t cp) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n = tj_norm(form, &st);
    if (U_FAILURE(st)) return 1;
    return unorm2_hasBoundaryBefore(n, (UChar32)cp) ? 1 : 0;
}

// ---- Break iteration ----

struct tj_breaker {
    UBreakIterator *bi;
    UText *ut;
};

tj_breaker *tj_breaker_open(int32_t kind, const char *locale, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(kind == 1 ? UBRK_WORD : UBRK_SENTENCE, locale, NULL, 0, &st);
    if (U_FAILURE(st)) { if (err) *err = (int32_t)st; return NULL; }
    tj_breaker *b = (tj_breaker *)calloc(1, sizeof(tj_breaker));
    if (!b) { ubrk_close(bi); if (err) *err = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->bi = bi;
    if (err) *err = 0;
    return b;
}

void tj_breaker_close(tj_breaker *b) {
    if (!b) return;
    if (b->ut) utext_close(b->ut);
    ubrk_close(b->bi);
    free(b);
}

int32_t tj_breaker_boundaries(tj_breaker *b, const char *text, int32_t len, int32_t *out, int32_t *status, int32_t cap) {
    UErrorCode st = U_ZERO_ERROR;
    b->ut = utext_openUTF8(b->ut, text, len, &st);
    if (U_FAILURE(st)) return -(int32_t)st;
    ubrk_setUText(b->bi, b->ut, &st);
    if (U_FAILURE(st)) return -(int32_t)st;
    int32_t n = 0;
    ubrk_first(b->bi);
    for (int32_t p = ubrk_next(b->bi); p != UBRK_DONE; p = ubrk_next(b->bi)) {
        if (n < cap) {
            out[n] = p;
            if (status) status[n] = ubrk_getRuleStatus(b->bi);
        }
        n++;
    }
    return n;
}

// ---- Transliteration ----

struct tj_translit {
    UTransliterator *t;
};

tj_translit *tj_translit_open(const char *id, const char *rules, int32_t rules_len, char *errbuf, int32_t errcap) {
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    int32_t idlen = 0;
    UChar *uid = tj_to_u16(id, (int32_t)strlen(id), &idlen, 0, &st);
    if (!uid) { if (errbuf && errcap > 0) snprintf(errbuf, (size_t)errcap, "bad id: %s", u_errorName(st)); return NULL; }
    UChar *urules = NULL;
    int32_t rlen = 0;
    if (rules) {
        urules = tj_to_u16(rules, rules_len, &rlen, 0, &st);
        if (!urules) { free(uid); if (errbuf && errcap > 0) snprintf(errbuf, (size_t)errcap, "rules are not UTF-8: %s", u_errorName(st)); return NULL; }
    }
    UTransliterator *t = utrans_openU(uid, idlen, rules ? UTRANS_FORWARD : UTRANS_FORWARD, urules, rlen, &pe, &st);
    free(uid);
    free(urules);
    if (U_FAILURE(st)) {
        if (errbuf && errcap > 0) {
            snprintf(errbuf, (size_t)errcap, "%s at rule line %d, offset %d", u_errorName(st), (int)pe.line, (int)pe.offset);
        }
        return NULL;
    }
    tj_translit *r = (tj_translit *)calloc(1, sizeof(tj_translit));
    if (!r) { utrans_close(t); return NULL; }
    r->t = t;
    return r;
}

void tj_translit_close(tj_translit *t) {
    if (!t) return;
    utrans_close(t->t);
    free(t);
}

int32_t tj_translit_run(tj_translit *t, const char *src, int32_t len, char *dst, int32_t cap) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    // Latin output is at most a few units per Arabic letter; give room and retry when short.
    int32_t extra = len * 4 + 16;
    for (int attempt = 0; attempt < 4; attempt++) {
        st = U_ZERO_ERROR;
        UChar *u = tj_to_u16(src, len, &ulen, extra, &st);
        if (!u) return -(int32_t)st;
        int32_t textlen = ulen;
        int32_t limit = ulen;
        utrans_transUChars(t->t, u, &textlen, ulen + extra, 0, &limit, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) { free(u); extra *= 4; continue; }
        if (U_FAILURE(st)) { free(u); return -(int32_t)st; }
        int32_t r = tj_from_u16(u, textlen, dst, cap);
        free(u);
        return r;
    }
    return -(int32_t)U_BUFFER_OVERFLOW_ERROR;
}

// ---- Charsets ----

int32_t tj_detect_charset(const char *bytes, int32_t len, char *name, int32_t namecap, int32_t *confidence) {
    UErrorCode st = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&st);
    if (U_FAILURE(st)) return -(int32_t)st;
    ucsdet_setText(d, bytes, len, &st);
    const UCharsetMatch *m = ucsdet_detect(d, &st);
    if (U_FAILURE(st) || !m) { ucsdet_close(d); if (name && namecap > 0) name[0] = 0; *confidence = 0; return 0; }
    const char *n = ucsdet_getName(m, &st);
    int32_t c = ucsdet_getConfidence(m, &st);
    if (U_FAILURE(st)) { ucsdet_close(d); return -(int32_t)st; }
    if (name && namecap > 0) { strncpy(name, n, (size_t)namecap - 1); name[namecap - 1] = 0; }
    *confidence = c;
    ucsdet_close(d);
    return 0;
}

int32_t tj_convert_to_utf8(const char *charset, const char *src, int32_t len, char *dst, int32_t cap, int32_t *bad_offset) {
    UErrorCode st = U_ZERO_ERROR;
    UConverter *c = ucnv_open(charset, &st);
    if (U_FAILURE(st)) return -2;
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    int32_t ucap = len * 2 + 16;
    UChar *u = (UChar *)malloc(sizeof(UChar) * (size_t)ucap);
    if (!u) { ucnv_close(c); return -3; }
    UChar *target = u;
    const char *source = src;
    ucnv_toUnicode(c, &target, u + ucap, &source, src + len, NULL, 1, &st);
    if (U_FAILURE(st)) {
        char inv[32];
        int8_t invlen = (int8_t)sizeof inv;
        UErrorCode st2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(c, inv, &invlen, &st2);
        if (bad_offset) *bad_offset = (int32_t)(source - src) - (U_SUCCESS(st2) ? invlen : 0);
        free(u);
        ucnv_close(c);
        return -1;
    }
    ucnv_close(c);
    int32_t r = tj_from_u16(u, (int32_t)(target - u), dst, cap);
    free(u);
    return r;
}

int32_t tj_convert_from_utf8(const char *charset, const char *src, int32_t len, char *dst, int32_t cap, int32_t *bad_offset) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    UChar *u = tj_to_u16(src, len, &ulen, 0, &st);
    if (!u) { if (bad_offset) *bad_offset = 0; return -1; }
    UConverter *c = ucnv_open(charset, &st);
    if (U_FAILURE(st)) { free(u); return -2; }
    ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    int32_t need = ucnv_fromUChars(c, dst, cap, u, ulen, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING) st = U_ZERO_ERROR;
    ucnv_close(c);
    free(u);
    if (U_FAILURE(st)) { if (bad_offset) *bad_offset = -1; return -1; }
    return need;
}

// ---- Bidi ----

int32_t tj_bidi_visual(const char *src, int32_t len, int32_t base, char *dst, int32_t cap) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    UChar *u = tj_to_u16(src, len, &ulen, 0, &st);
    if (!u) return -(int32_t)st;
    UBiDi *bidi = ubidi_open();
    if (!bidi) { free(u); return -(int32_t)U_MEMORY_ALLOCATION_ERROR; }
    UBiDiLevel level = base == 0 ? 0 : base == 1 ? 1 : UBIDI_DEFAULT_LTR;
    ubidi_setPara(bidi, u, ulen, level, NULL, &st);
    if (U_FAILURE(st)) { ubidi_close(bidi); free(u); return -(int32_t)st; }
    int32_t vcap = ulen * 2 + 16;
    UChar *v = (UChar *)malloc(sizeof(UChar) * (size_t)vcap);
    if (!v) { ubidi_close(bidi); free(u); return -(int32_t)U_MEMORY_ALLOCATION_ERROR; }
    int32_t vlen = ubidi_writeReordered(bidi, v, vcap, UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &st);
    ubidi_close(bidi);
    free(u);
    if (U_FAILURE(st)) { free(v); return -(int32_t)st; }
    int32_t r = tj_from_u16(v, vlen, dst, cap);
    free(v);
    return r;
}
