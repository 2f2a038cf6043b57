// fs-native-extensions ships no types; we use only its advisory file lock (flock on Linux/macOS,
// LockFileEx on Windows), which the kernel drops when the holding process dies.
declare module 'fs-native-extensions' {
  const fsx: {
    /** Takes an exclusive (default) or shared lock on `fd`; false when another holder has it. */
    tryLock(fd: number, options?: { shared?: boolean }): boolean;
    unlock(fd: number): void;
  };
  export default fsx;
}
