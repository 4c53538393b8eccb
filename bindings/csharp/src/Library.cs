using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace SsprErrors
{
    /// <summary>libsspr-errors could not be loaded; the message says what was
    /// tried and how to point at the library.</summary>
    public sealed class LibraryNotFoundException : DllNotFoundException
    {
        internal LibraryNotFoundException(string message) : base(message) { }
    }

    /// <summary>Finds and loads the C library before the first call.
    ///
    /// Order: the environment variable SSPR_ERRORS_LIBRARY (a full path; when
    /// set, the only place tried), else the system's loader with the file name
    /// of major version 1: libsspr-errors.so.1 (Linux: LD_LIBRARY_PATH,
    /// ldconfig), libsspr-errors-1.dll (Windows: the application's folder,
    /// PATH), libsspr-errors.1.dylib (macOS). Once loaded, every [DllImport]
    /// of Native binds to it: on Windows by module name, on mono through the
    /// dllmap of SsprErrors.dll.config (libsspr-errors-1 -> libsspr-errors.so.1,
    /// which the loader matches to the library already loaded), on .NET Core
    /// and later through a DllImportResolver registered here.</summary>
    internal static class Library
    {
        internal const string EnvironmentVariable = "SSPR_ERRORS_LIBRARY";
        internal const int AbiMajor = 1;

        static readonly object gate = new object();
        static IntPtr handle;
        static volatile bool loaded; /* set once handle is */
        static Exception failure;

        static bool IsWindows
        {
            get { return Path.DirectorySeparatorChar == '\\'; }
        }

        static bool IsMac
        {
            get { return !IsWindows && Directory.Exists("/System/Library/Frameworks"); }
        }

        internal static string[] FileNames()
        {
            if (IsWindows)
                return new[] { "libsspr-errors-" + AbiMajor + ".dll" };
            if (IsMac)
                return new[] { "libsspr-errors." + AbiMajor + ".dylib" };
            return new[] { "libsspr-errors.so." + AbiMajor };
        }

        /// <summary>Loads the library once; throws LibraryNotFoundException
        /// (every time) when it cannot.</summary>
        internal static void Ensure()
        {
            if (loaded)
                return;
            lock (gate)
            {
                if (!loaded && failure == null)
                {
                    try
                    {
                        handle = Load();
                        loaded = true;
                    }
                    catch (LibraryNotFoundException e)
                    {
                        failure = e;
                    }
                }
                if (failure != null)
                    throw new LibraryNotFoundException(failure.Message);
            }
        }

        static IntPtr Load()
        {
            var tried = new List<string>();
            string env = Environment.GetEnvironmentVariable(EnvironmentVariable);
            string[] candidates = string.IsNullOrEmpty(env) ? FileNames() : new[] { env };
            foreach (string name in candidates)
            {
                string error;
                IntPtr h = Open(name, out error);
                if (h != IntPtr.Zero)
                {
                    handle = h; /* what Resolve returns */
                    RegisterResolver(h);
                    CheckVersion(name);
                    return h;
                }
                tried.Add(name + " (" + error + ")");
            }
            string how = string.IsNullOrEmpty(env)
                ? "Install it, put it where the system's loader looks, or set " + EnvironmentVariable +
                      " to its full path"
                : EnvironmentVariable + " is set but does not name a loadable libsspr-errors; set it to " +
                      "the full path of the shared library";
            throw new LibraryNotFoundException("cannot load the libsspr-errors shared library (tried: " +
                                               string.Join("; ", tried.ToArray()) + "). " + how +
                                               ", e.g. " + EnvironmentVariable + "=" +
                                               (IsWindows ? "C:\\path\\to\\" : "/path/to/build/src/lib/") +
                                               FileNames()[0]);
        }

        static void CheckVersion(string name)
        {
            string v = Utf8.From(Native.sspr_version()) ?? "";
            if (!v.StartsWith(AbiMajor + ".", StringComparison.Ordinal))
                throw new LibraryNotFoundException(name + " is libsspr-errors " + v +
                                                   "; these bindings need major version " + AbiMajor);
        }

        static IntPtr Open(string name, out string error)
        {
            error = null;
            try
            {
                if (IsWindows)
                {
                    IntPtr h = LoadLibraryW(name);
                    if (h == IntPtr.Zero)
                        error = "Windows error " + Marshal.GetLastWin32Error();
                    return h;
                }
                IntPtr p = IsMac ? dlopen_mac(name, 2 | 8) : dlopen(name, 2 | 0x100); /* NOW | GLOBAL */
                if (p == IntPtr.Zero)
                    error = Utf8.From(IsMac ? dlerror_mac() : dlerror()) ?? "not found";
                return p;
            }
            catch (DllNotFoundException e)
            {
                error = e.Message;
                return IntPtr.Zero;
            }
            catch (EntryPointNotFoundException e)
            {
                error = e.Message;
                return IntPtr.Zero;
            }
        }

        /// <summary>NativeLibrary.SetDllImportResolver where the runtime has it
        /// (.NET Core 3 and later), called by reflection so that the source
        /// also builds for runtimes without it (mono, .NET Framework).</summary>
        static void RegisterResolver(IntPtr h)
        {
            Type nativeLibrary = Type.GetType("System.Runtime.InteropServices.NativeLibrary");
            Type resolverType = Type.GetType("System.Runtime.InteropServices.DllImportResolver");
            if (nativeLibrary == null || resolverType == null)
                return;
            MethodInfo set = nativeLibrary.GetMethod("SetDllImportResolver");
            MethodInfo resolve = typeof(Library).GetMethod("Resolve", BindingFlags.NonPublic | BindingFlags.Static);
            if (set == null || resolve == null)
                return;
            try
            {
                set.Invoke(null, new object[] { typeof(Library).Assembly, Delegate.CreateDelegate(resolverType, resolve) });
            }
            catch (TargetInvocationException)
            {
                /* a resolver was already set for this assembly */
            }
        }

        static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
        {
            return name == Native.Lib ? handle : IntPtr.Zero;
        }

        [DllImport("libdl.so.2", EntryPoint = "dlopen")]
        static extern IntPtr dlopen(string file, int mode);

        [DllImport("libdl.so.2", EntryPoint = "dlerror")]
        static extern IntPtr dlerror();

        [DllImport("libSystem.dylib", EntryPoint = "dlopen")]
        static extern IntPtr dlopen_mac(string file, int mode);

        [DllImport("libSystem.dylib", EntryPoint = "dlerror")]
        static extern IntPtr dlerror_mac();

        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
        static extern IntPtr LoadLibraryW(string file);
    }

    /// <summary>UTF-8 text of the library (static; never freed).</summary>
    internal static class Utf8
    {
        internal static string From(IntPtr p)
        {
            if (p == IntPtr.Zero)
                return null;
            int n = 0;
            while (Marshal.ReadByte(p, n) != 0)
                n++;
            var bytes = new byte[n];
            Marshal.Copy(p, bytes, 0, n);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>Refuses what C cannot take: null, and text with a NUL.</summary>
        internal static string Check(string value, string name)
        {
            if (value == null)
                throw new ArgumentNullException(name);
            if (value.IndexOf('\0') >= 0)
                throw new ArgumentException(name + " contains a NUL character", name);
            return value;
        }
    }
}
