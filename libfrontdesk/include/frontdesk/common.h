/**
 * @file frontdesk/common.h
 * @brief Status codes, the last-error record, growable output buffers, dates and
 *        the version: what every other libfrontdesk header builds on.
 *
 * Conventions (see docs/guide.md):
 * - every fallible function returns an ::fd_status, ::FD_OK (0) or a negative
 *   `FD_E*` code, and leaves a message naming the field and the bad value in
 *   thread-local storage, read with fd_error_last();
 * - outputs come first in the parameter list and are written only on success;
 * - strings in and out are UTF-8; invalid UTF-8 is refused with ::FD_EINVAL;
 * - instants are `int64_t` seconds since the epoch, UTC; money is `int64_t` fen.
 */
#ifndef FRONTDESK_COMMON_H
#define FRONTDESK_COMMON_H

#include <stddef.h>
#include <stdint.h>

/** Marks a function exported from libfrontdesk.so (everything else is hidden). */
#if defined(FD_BUILDING_LIBRARY) && defined(__GNUC__)
#define FD_API __attribute__((visibility("default")))
#else
#define FD_API
#endif

/**
 * Marks a function kept for one release under an old name: calling it warns,
 * with @p msg naming the replacement (GCC and Clang; nothing elsewhere).
 * Deprecated functions are documented `@deprecated` where they are declared.
 */
#if defined(__GNUC__) || defined(__clang__)
#define FD_DEPRECATED(msg) __attribute__((deprecated(msg)))
#else
#define FD_DEPRECATED(msg)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Library version: major. */
#define FD_VERSION_MAJOR 0
/** Library version: minor. */
#define FD_VERSION_MINOR 2
/** Library version: patch. */
#define FD_VERSION_PATCH 0
/** Library version as a string (CMake reads the version from this line). */
#define FD_VERSION_STRING "0.2.0"

/**
 * Status of a fallible call. Zero is success; errors are negative. A few
 * functions also return a positive value with a meaning stated where they are
 * declared; those are never errors.
 */
typedef int fd_status;

/** The status codes. Their numbers are part of the ABI and never change. */
enum fd_status_code {
    FD_OK = 0,         /**< success */
    FD_EINVAL = -1,    /**< an argument is malformed: NULL, bad UTF-8, bad format */
    FD_ENOTFOUND = -2, /**< the thing asked for does not exist */
    FD_ECONFLICT = -3, /**< it exists already, or clashes with what exists */
    FD_ERANGE = -4,    /**< a number or length is outside its allowed range */
    FD_ENOMEM = -5,    /**< out of memory */
    FD_EIO = -6,       /**< the file system or database failed */
    FD_EBUSY = -7,     /**< the database is locked by someone else */
    FD_ESTATE = -8,    /**< the call is not allowed in the object's current state */
    FD_EPERM = -9,     /**< the caller lacks the permission the call needs */
    FD_EDATA = -10     /**< stored or loaded data is corrupt, too new, or not covered */
};

/** The last error of the calling thread. */
typedef struct fd_error {
    int code;            /**< an `FD_E*` code, or ::FD_OK when no error is recorded (a plain int, not a status to check) */
    const char *message; /**< UTF-8, never NULL; empty when code is ::FD_OK */
} fd_error;

/**
 * The last error recorded on this thread.
 *
 * Every failing call records one; a succeeding call does not clear it, so read
 * it right after the call that failed. The pointer stays valid until the next
 * library call on this thread. Never returns NULL.
 * Thread safety: safe; each thread has its own record.
 */
FD_API const fd_error *fd_error_last(void);

/** Forgets the last error of the calling thread. Thread safety: safe. */
FD_API void fd_error_clear(void);

/**
 * The symbolic name of a status code ("FD_EINVAL"), or "FD_UNKNOWN" for a
 * number that is not a status code. Never returns NULL.
 */
FD_API const char *fd_status_name(fd_status code);

/** The library's version string, for example "0.2.0". Never NULL. */
FD_API const char *fd_version(void);

/**
 * A growable UTF-8 output buffer owned by the caller and filled by the library.
 *
 * Start with ::FD_BUF_INIT, pass the same buffer to as many calls as you like
 * (the library grows it only when needed, so a loop allocates nothing after
 * the first call), and release it with fd_buf_dispose(). After a successful
 * call `ptr` holds a NUL-terminated string of `size` bytes; after a failed
 * call it holds the empty string (or is still NULL if it never held anything).
 */
typedef struct fd_buf {
    char *ptr;    /**< the text, NUL-terminated; NULL before first use */
    size_t size;  /**< bytes of text, without the NUL */
    size_t asize; /**< bytes allocated */
} fd_buf;

/** Initialiser for an empty ::fd_buf. */
#define FD_BUF_INIT { NULL, 0, 0 }

/** Frees the memory of a buffer and resets it to ::FD_BUF_INIT. NULL is a no-op. */
FD_API void fd_buf_dispose(fd_buf *buf);

/** A calendar date without time zone (proleptic Gregorian). */
typedef struct fd_date {
    int32_t year;  /**< 1..9999 */
    int32_t month; /**< 1..12 */
    int32_t day;   /**< 1..31, valid for the month */
} fd_date;

/**
 * Parses an ISO date `YYYY-MM-DD` (exactly ten ASCII characters) into @p out.
 * @return ::FD_OK, or ::FD_EINVAL naming the bad part (month 13, 2025-02-29 ...).
 */
FD_API fd_status fd_date_parse(fd_date *out, const char *text);

/**
 * Checks that @p date is a real day between 0001-01-01 and 9999-12-31.
 * @return ::FD_OK or ::FD_EINVAL with a message naming the bad field.
 */
FD_API fd_status fd_date_check(fd_date date);

/** Writes @p date as `YYYY-MM-DD` into @p out. @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM. */
FD_API fd_status fd_date_format(fd_buf *out, fd_date date);

/* ------------------------------------------------------------------------
 * Size limits of record fields (the declarations in libfrontdesk/records/
 * give each field its own; these are the shared ones).
 * ---------------------------------------------------------------------- */

/** Longest code (site, staff, role, journal entity/action), in bytes. */
#define FD_CODE_MAX 32
/** Longest name (site, staff), in bytes of UTF-8. */
#define FD_NAME_MAX 200
/** Longest time-zone name, in bytes. */
#define FD_TZ_MAX 64
/** Longest journal detail, in bytes of UTF-8. */
#define FD_DETAIL_MAX 4000

/* ------------------------------------------------------------------------
 * Instants and site-local time.
 * ---------------------------------------------------------------------- */

/** Earliest instant the library accepts: 0001-01-01T00:00:00Z (the range of ::fd_date). */
#define FD_INSTANT_MIN (-62135596800LL)
/** Latest instant the library accepts: 9999-12-31T23:59:59Z. */
#define FD_INSTANT_MAX 253402300799LL

/** A local date and time of day in some time zone, with that zone's offset then. */
typedef struct fd_local_time {
    fd_date date;         /**< local calendar date */
    int32_t hour;         /**< 0..23 */
    int32_t minute;       /**< 0..59 */
    int32_t second;       /**< 0..59 */
    int32_t utc_offset_s; /**< seconds east of UTC at that instant (output only) */
} fd_local_time;

/**
 * Checks that @p at lies in FD_INSTANT_MIN..FD_INSTANT_MAX.
 * @return ::FD_OK or ::FD_ERANGE.
 */
FD_API fd_status fd_instant_check(int64_t at);

/**
 * The UTC instant of local date and time @p local in IANA zone @p time_zone
 * (`utc_offset_s` is ignored). In a zone with daylight saving time, a local
 * time skipped by the spring change (02:30 when clocks go 02:00 -> 03:00) is
 * read as if the clocks had not yet changed, i.e. the instant one gap later
 * (03:30 local); a time repeated by the autumn change is the first of the two
 * (ICU's UCAL_WALLTIME_LAST and UCAL_WALLTIME_FIRST).
 * @param out       receives UTC seconds
 * @param time_zone IANA zone, e.g. "Asia/Shanghai"
 * @return ::FD_OK, ::FD_EINVAL (unknown zone, bad date or time of day naming the field).
 */
FD_API fd_status fd_instant_from_local(int64_t *out, const char *time_zone, fd_local_time local);

/**
 * The local date, time of day and UTC offset of instant @p at in @p time_zone.
 * @return ::FD_OK, ::FD_EINVAL (unknown zone), ::FD_ERANGE (instant out of range, or
 *         its local date in @p time_zone outside years 1..9999, a few hours from the ends).
 */
FD_API fd_status fd_instant_to_local(fd_local_time *out, const char *time_zone, int64_t at);

/**
 * Writes @p at as ISO 8601 local time with its offset in @p time_zone:
 * `2026-11-20T08:41:00+08:00`.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE (as fd_instant_to_local()), ::FD_ENOMEM.
 */
FD_API fd_status fd_instant_format(fd_buf *out, const char *time_zone, int64_t at);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_COMMON_H */
