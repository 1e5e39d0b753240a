// A small, version-independent door to the system ICU.
// Only stdint types cross it; ICU handles are opaque structs. All text is UTF-8.
#ifndef TARJIM_CICU_H
#define TARJIM_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status codes: 0 success, negative a failure (see each function), positive = ICU error code.
/// A buffer result reports the needed length; callers retry with a larger buffer when it exceeds capacity.

/// ICU's version string, e.g. "72.1".
const char *tj_icu_version(void);

// ---- Normalization (unorm2) ----
/// Form: 0 NFC, 1 NFKC.
/// Normalizes `src` (UTF-8, `len` bytes) into `dst`. Returns the UTF-8 length needed, or a negative
/// ICU error (as -code) on failure.
int32_t tj_normalize(int32_t form, const char *src, int32_t len, char *dst, int32_t cap);
/// 1 when `cp` is unaffected by the form and never interacts with neighbours (unorm2_isInert).
int32_t tj_norm_is_inert(int32_t form, int32_t cp);
/// 1 when the code point's NFKC quick check is "yes" (a lone `cp` is already NFKC).
int32_t tj_nfkc_qc_yes(int32_t cp);
/// The canonical combining class of `cp`.
int32_t tj_combining_class(int32_t cp);
/// 1 when the form has a normalization boundary before `cp` (unorm2_hasBoundaryBefore).
int32_t tj_norm_has_boundary_before(int32_t form, int32_t cp);

// ---- Break iteration (ubrk over UText on UTF-8; positions are UTF-8 byte offsets) ----
typedef struct tj_breaker tj_breaker;
/// kind: 0 sentence, 1 word. locale e.g. "ar". Returns NULL on failure (status in *err).
tj_breaker *tj_breaker_open(int32_t kind, const char *locale, int32_t *err);
void tj_breaker_close(tj_breaker *b);
/// Sets the text and writes boundary byte offsets (excluding 0, including len) into `out`.
/// Returns the number of boundaries (may exceed cap: then retry), or -code on error.
/// For word breaks, `status` (may be NULL) receives each boundary's rule status (ubrk_getRuleStatus).
int32_t tj_breaker_boundaries(tj_breaker *b, const char *text, int32_t len, int32_t *out, int32_t *status, int32_t cap);

// ---- Transliteration (utrans) ----
typedef struct tj_translit tj_translit;
/// Opens a transliterator from an ICU id ("Arabic-Latin") when `rules` is NULL, or from custom
/// rules (UTF-8) otherwise. On failure returns NULL and writes a message into `errbuf`
/// (with the rule line and offset for a rules parse error).
tj_translit *tj_translit_open(const char *id, const char *rules, int32_t rules_len, char *errbuf, int32_t errcap);
void tj_translit_close(tj_translit *t);
/// Transliterates `src` into `dst` (UTF-8). Returns the needed length or -code.
int32_t tj_translit_run(tj_translit *t, const char *src, int32_t len, char *dst, int32_t cap);

// ---- Charset detection and conversion (ucsdet, ucnv) ----
/// Detects the charset of `bytes`. Writes the best match's name into `name` (NUL-terminated) and
/// its confidence (0-100) into *confidence. Returns 0, or -code.
int32_t tj_detect_charset(const char *bytes, int32_t len, char *name, int32_t namecap, int32_t *confidence);
/// Converts from `charset` to UTF-8, stopping at the first illegal or unmappable byte.
/// Returns the UTF-8 length needed (retry when > cap), -1 with *bad_offset set to the offending byte
/// offset, or another negative value for other failures (-2 unknown charset).
int32_t tj_convert_to_utf8(const char *charset, const char *src, int32_t len, char *dst, int32_t cap, int32_t *bad_offset);
/// Converts UTF-8 to `charset` (for writing fixtures and legacy output). Same returns.
int32_t tj_convert_from_utf8(const char *charset, const char *src, int32_t len, char *dst, int32_t cap, int32_t *bad_offset);

// ---- Bidi (ubidi) ----
/// Reorders one paragraph of UTF-8 text into visual order (for terminals without bidi).
/// base: 0 LTR, 1 RTL, -1 auto (first strong). Returns the needed length or -code.
int32_t tj_bidi_visual(const char *src, int32_t len, int32_t base, char *dst, int32_t cap);

#ifdef __cplusplus
}
#endif
#endif
