/**
 * Python's OSError text (`[Errno N] strerror`) for the errors a user's environment can cause:
 * the CLI prints these, so aws-iam prints the same words for the same failures.
 */
const PYTHON_ERRNO: Readonly<Record<string, string>> = {
  ENOENT: '[Errno 2] No such file or directory',
  EIO: '[Errno 5] Input/output error',
  EBADF: '[Errno 9] Bad file descriptor',
  EACCES: '[Errno 13] Permission denied',
  EFBIG: '[Errno 27] File too large',
  ENOSPC: '[Errno 28] No space left on device',
  EPIPE: '[Errno 32] Broken pipe',
  EDQUOT: '[Errno 122] Disk quota exceeded',
};

/** `[Errno N] …` for a Node system error, or its own message when Python's is not known. */
export function pythonOsError(error: unknown): string {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  return PYTHON_ERRNO[code ?? ''] ?? (message || String(error));
}
