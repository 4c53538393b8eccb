/* The CLI's operating-system layer (see platform.h): the only file of the CLI
 * with an #ifdef _WIN32. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* fileno, isatty, fseeko */
#endif
#if !defined(_WIN32) && !defined(_FILE_OFFSET_BITS)
#define _FILE_OFFSET_BITS 64 /* fseeko past 2 GiB on 32-bit systems */
#endif
#include "platform.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include <fcntl.h>
#include <io.h>
#include <shellapi.h>

static UINT saved_output_cp, saved_input_cp; /* 0: left as it was */
static DWORD saved_error_mode;
static int error_mode_saved, stderr_vt;

static void console_restore(void)
{
    if (saved_output_cp)
        SetConsoleOutputCP(saved_output_cp);
    if (saved_input_cp)
        SetConsoleCP(saved_input_cp);
    if (error_mode_saved)
        SetConsoleMode(GetStdHandle(STD_ERROR_HANDLE), saved_error_mode);
}

static int is_console(DWORD which, DWORD *mode)
{
    DWORD m;
    return GetConsoleMode(GetStdHandle(which), mode ? mode : &m) != 0;
}

/* Binary mode for a standard stream that is open (msvcrt would translate LF to
 * CRLF on output and stop at a Ctrl-Z on input). */
static void binary(DWORD which, FILE *f)
{
    HANDLE h = GetStdHandle(which);
    if (h != NULL && h != INVALID_HANDLE_VALUE && GetFileType(h) != FILE_TYPE_UNKNOWN)
        _setmode(_fileno(f), _O_BINARY);
}

static char *utf8_of(const wchar_t *w)
{
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    char *s = n > 0 ? malloc((size_t)n) : NULL;
    if (s && WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL) != n) {
        free(s);
        s = NULL;
    }
    return s;
}

static wchar_t *wide_of(const char *s)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
    wchar_t *w = n > 0 ? malloc((size_t)n * sizeof *w) : NULL;
    if (w && MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n) != n) {
        free(w);
        w = NULL;
    }
    return w;
}

/* The arguments as UTF-8, from the wide command line (the CRT's argv is in the
 * ANSI code page, which cannot hold most of Unicode). Kept for the program's
 * life; on any failure the CRT's argv stays. */
static void utf8_args(int *argc, char ***argv)
{
    int n;
    wchar_t **w = CommandLineToArgvW(GetCommandLineW(), &n);
    if (!w)
        return;
    char **a = malloc(((size_t)n + 1) * sizeof *a);
    int i = 0;
    for (; a && i < n && (a[i] = utf8_of(w[i])) != NULL; i++)
        ;
    LocalFree(w);
    if (!a || i < n) {
        while (a && i > 0)
            free(a[--i]);
        free(a);
        return;
    }
    a[n] = NULL;
    *argc = n;
    *argv = a;
}

void cli_platform_init(int *argc, char ***argv)
{
    binary(STD_INPUT_HANDLE, stdin);
    binary(STD_OUTPUT_HANDLE, stdout);
    binary(STD_ERROR_HANDLE, stderr);
    /* msvcrt writes to any character device unbuffered, the NUL device too
     * (`> NUL`: a write per call); buffer what is not a console, as glibc
     * buffers what is not a terminal. */
    if (!is_console(STD_OUTPUT_HANDLE, NULL))
        setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    if (is_console(STD_OUTPUT_HANDLE, NULL) || is_console(STD_ERROR_HANDLE, NULL)) {
        UINT cp = GetConsoleOutputCP();
        if (cp != CP_UTF8 && SetConsoleOutputCP(CP_UTF8))
            saved_output_cp = cp;
    }
    if (is_console(STD_INPUT_HANDLE, NULL)) {
        UINT cp = GetConsoleCP();
        if (cp != CP_UTF8 && SetConsoleCP(CP_UTF8))
            saved_input_cp = cp;
    }
    DWORD mode;
    if (is_console(STD_ERROR_HANDLE, &mode)) {
        stderr_vt = (mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
        if (!stderr_vt && SetConsoleMode(GetStdHandle(STD_ERROR_HANDLE),
                                         mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING)) {
            saved_error_mode = mode;
            error_mode_saved = stderr_vt = 1;
        }
    }
    atexit(console_restore);
    utf8_args(argc, argv);
}

FILE *cli_open(const char *path)
{
    wchar_t *w = wide_of(path);
    if (!w) {
        errno = ENOENT;
        return NULL;
    }
    DWORD attr = GetFileAttributesW(w);
    FILE *f = NULL;
    if (attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY))
        errno = EISDIR;
    else
        f = _wfopen(w, L"rb");
    free(w);
    return f;
}

FILE *cli_tmpfile(void)
{
    wchar_t dir[MAX_PATH + 1], name[MAX_PATH + 1];
    DWORD n = GetTempPathW(MAX_PATH + 1, dir);
    if (n == 0 || n > MAX_PATH || !GetTempFileNameW(dir, L"spr", 0, name))
        return NULL;
    HANDLE h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        DeleteFileW(name);
        return NULL;
    }
    int fd = _open_osfhandle((intptr_t)h, _O_RDWR | _O_BINARY);
    if (fd < 0) {
        CloseHandle(h);
        return NULL;
    }
    FILE *f = _fdopen(fd, "w+b");
    if (!f)
        _close(fd);
    return f;
}

int cli_seek(FILE *f, uint64_t offset)
{
    return offset > INT64_MAX ? -1 : _fseeki64(f, (__int64)offset, SEEK_SET);
}

uint64_t cli_regular_size(FILE *f)
{
    struct _stati64 st;
    if (_fstati64(_fileno(f), &st) != 0 || (st.st_mode & _S_IFMT) != _S_IFREG || st.st_size < 0)
        return 0;
    return (uint64_t)st.st_size;
}

int cli_stderr_is_terminal(void)
{
    return stderr_vt;
}

int cli_output_errno(int err)
{
    /* A pipe whose reader has gone: Windows says ERROR_NO_DATA ("the pipe is
     * being closed"), wine ERROR_PIPE_NOT_CONNECTED, and msvcrt maps both to
     * EINVAL. */
    if (err == EINVAL && (_doserrno == ERROR_NO_DATA || _doserrno == ERROR_PIPE_NOT_CONNECTED ||
                          _doserrno == ERROR_BROKEN_PIPE))
        return EPIPE;
    return err;
}

#else /* POSIX */
#include <unistd.h>

void cli_platform_init(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
}

FILE *cli_open(const char *path)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (f && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return NULL;
    }
    return f;
}

FILE *cli_tmpfile(void)
{
    return tmpfile();
}

int cli_seek(FILE *f, uint64_t offset)
{
    if (offset > (uint64_t)INT64_MAX || (off_t)offset < 0 || (uint64_t)(off_t)offset != offset)
        return -1;
    return fseeko(f, (off_t)offset, SEEK_SET);
}

uint64_t cli_regular_size(FILE *f)
{
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0)
        return 0;
    return (uint64_t)st.st_size;
}

int cli_stderr_is_terminal(void)
{
    return isatty(fileno(stderr));
}

int cli_output_errno(int err)
{
    return err;
}
#endif
