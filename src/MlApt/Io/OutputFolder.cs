using System.Diagnostics;
using System.Globalization;

namespace MlApt.Io;

/// <summary>
/// An output folder written whole or not at all. <see cref="Begin"/> checks the target before any work (a file,
/// a path under a file, a folder that is not an earlier output, no permission: one clear
/// <see cref="InputException"/>), takes a lock file beside it holding this process's id (a second run into the
/// same folder is refused while the first lives; a crashed owner's lock is taken over), removes temporaries a
/// crashed run left, and creates a temporary sibling folder that the caller writes into (<see cref="Path"/>).
/// <see cref="Commit"/> swaps it into place; disposing without committing (an error, Ctrl-C) deletes it, so
/// the previous folder stays exactly as it was and nothing temporary is left behind.
/// </summary>
internal sealed class OutputFolder : IDisposable
{
    /// <summary>The file every output folder carries, so that a later run knows it may replace the folder.</summary>
    public const string MarkerName = ".mlapt-output";

    // Files that mark folders written before the marker existed (map, merge slabs, validate, run).
    private static readonly string[] EarlierOutputs = ["summary.json", "slab.json", "validation.json", "sweep.json", "report.md"];

    private readonly string _lock;
    private bool _committed;
    private bool _disposed;

    private OutputFolder(string target, string temporary, string lockPath, string source)
    {
        Target = target;
        Path = temporary;
        _lock = lockPath;
        Source = source;
    }

    /// <summary>The folder the outputs end up in (full path).</summary>
    public string Target { get; }

    /// <summary>The temporary folder to write into until <see cref="Commit"/>.</summary>
    public string Path { get; }

    /// <summary>How the folder is named in messages (e.g. the option that gave it).</summary>
    public string Source { get; }

    /// <summary>
    /// Checks <paramref name="target"/>, locks it and opens the temporary folder. <paramref name="source"/> names it
    /// in messages (an option such as <c>--out</c>, or the path).
    /// </summary>
    /// <exception cref="InputException">The target cannot be an output folder, or another live process is writing it.</exception>
    public static OutputFolder Begin(string target, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(source);
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(target));
        var name = System.IO.Path.GetFileName(full);
        var parent = System.IO.Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(name) || parent is null)
            InputError.In(source, $"'{target}' is a root folder: give a folder to write the outputs into");
        CheckTarget(full, parent, source, target);
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            InputError.In(source, $"'{target}': cannot create the folder {parent} ({e.Message})");
        }
        var lockPath = System.IO.Path.Combine(parent, "." + name + ".mlapt.lock");
        Acquire(lockPath, source, target);
        try
        {
            RemoveStaleTemporaries(parent, name);
            var temporary = System.IO.Path.Combine(parent, string.Create(CultureInfo.InvariantCulture,
                $".{name}.mlapt-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.partial"));
            Directory.CreateDirectory(temporary);
            return new OutputFolder(full, temporary, lockPath, source);
        }
        catch (Exception e)
        {
            TryDelete(lockPath);
            if (e is UnauthorizedAccessException or IOException)
                throw new InputException($"{source}: '{target}': cannot write in {parent} ({e.Message})", e);
            throw;
        }
    }

    /// <summary>
    /// Checks <paramref name="target"/> without writing anything: the same refusals as <see cref="Begin"/> except the
    /// lock (for commands that check their options before long work and open the folder afterwards).
    /// </summary>
    public static void Check(string target, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(target));
        var parent = System.IO.Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(System.IO.Path.GetFileName(full)) || parent is null)
            InputError.In(source, $"'{target}' is a root folder: give a folder to write the outputs into");
        CheckTarget(full, parent, source, target);
        var lockPath = System.IO.Path.Combine(parent, "." + System.IO.Path.GetFileName(full) + ".mlapt.lock");
        if (File.Exists(lockPath) && ReadOwner(lockPath) is { } owner && IsAlive(owner))
            InputError.In(source, InUse(target, owner.Pid, lockPath));
    }

    /// <summary>
    /// Checks an output <em>file</em> path before long work: not an existing folder, not under a file. (Files are
    /// written atomically by <see cref="AtomicFile"/>; this finds a bad path before hours of training, not after.)
    /// </summary>
    public static void CheckFile(string path, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
            InputError.In(source, $"'{path}' is a folder: expected a file name");
        if (FileAbove(System.IO.Path.GetDirectoryName(full)) is { } file)
            InputError.In(source, $"'{path}' lies under the file {file}: expected a path in a folder");
    }

    // The nearest existing ancestor of a path to be created, when it is a file (nothing can be created under it).
    private static string? FileAbove(string? dir)
    {
        for (; !string.IsNullOrEmpty(dir); dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (System.IO.File.Exists(dir))
                return dir;
            if (Directory.Exists(dir))
                return null;
        }
        return null;
    }

    /// <summary>The final path of a file written at <paramref name="temporaryPath"/> inside <see cref="Path"/>.</summary>
    public string FinalPath(string temporaryPath)
    {
        ArgumentNullException.ThrowIfNull(temporaryPath);
        var relative = System.IO.Path.GetRelativePath(Path, temporaryPath);
        return System.IO.Path.Combine(Target, relative);
    }

    /// <summary>
    /// Swaps the written folder into place: a previous folder is moved aside, the new one renamed onto the target,
    /// the old one deleted. After a failure in between, the previous folder is put back.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
            return;
        System.IO.File.WriteAllText(System.IO.Path.Combine(Path, MarkerName), "written by mlapt; the next run into this folder replaces it whole\n");
        string? aside = null;
        if (Directory.Exists(Target))
        {
            aside = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path)[..^".partial".Length] + ".old");
            Directory.Move(Target, aside);
        }
        try
        {
            Directory.Move(Path, Target);
        }
        catch
        {
            if (aside is not null)
                Directory.Move(aside, Target);
            throw;
        }
        _committed = true;
        if (aside is not null)
            TryDeleteFolder(aside);
    }

    /// <summary>Deletes the temporary folder unless committed, and releases the lock.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_committed)
            TryDeleteFolder(Path);
        TryDelete(_lock);
    }

    private static void CheckTarget(string full, string parent, string source, string target)
    {
        if (System.IO.File.Exists(full))
            InputError.In(source, $"'{target}' is a file: expected a folder (new, empty, or an earlier output to replace)");
        if (FileAbove(parent) is { } file)
            InputError.In(source, $"'{target}' lies under the file {file}: expected a folder path");
        if (Directory.Exists(full) && !Replaceable(full))
            InputError.In(source, $"'{target}' is a folder with other files (not an earlier mlapt output): give a new or empty folder, "
                + "since an output folder is replaced whole");
    }

    private static bool Replaceable(string folder)
    {
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
            return true;
        if (System.IO.File.Exists(System.IO.Path.Combine(folder, MarkerName)))
            return true;
        return EarlierOutputs.Any(f => System.IO.File.Exists(System.IO.Path.Combine(folder, f)));
    }

    private readonly record struct Owner(int Pid, long StartTicks);

    private static void Acquire(string lockPath, string source, string target)
    {
        var me = Environment.ProcessId;
        var started = StartTicks(Process.GetCurrentProcess());
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                using var s = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
                using var w = new StreamWriter(s);
                w.Write(string.Create(CultureInfo.InvariantCulture, $"{me} {started}\n"));
                return;
            }
            catch (IOException) when (System.IO.File.Exists(lockPath))
            {
                var owner = ReadOwner(lockPath);
                if (owner is { } o && IsAlive(o))
                    InputError.In(source, InUse(target, o.Pid, lockPath));
                // The owner died without cleaning up (killed, power cut): its lock is stale.
                TryDelete(lockPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                InputError.In(source, $"'{target}': cannot create the lock file {lockPath} ({e.Message})");
            }
        }
        InputError.In(source, $"'{target}': could not take the lock file {lockPath}; another run keeps taking it");
    }

    private static string InUse(string target, int pid, string lockPath) =>
        string.Create(CultureInfo.InvariantCulture,
            $"'{target}' is being written by another mlapt run (process {pid}; lock file {lockPath}): wait for it, or give another folder");

    private static Owner? ReadOwner(string lockPath)
    {
        try
        {
            using var s = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var r = new StreamReader(s);
            var parts = (r.ReadLine() ?? "").Split(' ');
            return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) ? new Owner(pid, ticks) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Alive = a process with that id exists and started when the owner did (ids are reused). Start times are
    // derived from the boot time, which the runtime recomputes per call, so they agree only to a few milliseconds.
    private static bool IsAlive(Owner owner)
    {
        try
        {
            using var p = Process.GetProcessById(owner.Pid);
            return !p.HasExited && Math.Abs(StartTicks(p) - owner.StartTicks) < TimeSpan.TicksPerSecond;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    private static long StartTicks(Process p)
    {
        try
        {
            return p.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return 0;
        }
    }

    // Under the lock nobody else writes this target, so every temporary of it is a crashed run's.
    private static void RemoveStaleTemporaries(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, "." + name + ".mlapt-*"))
        {
            if (dir.EndsWith(".partial", StringComparison.Ordinal) || dir.EndsWith(".old", StringComparison.Ordinal))
                TryDeleteFolder(dir);
        }
    }

    private static void TryDelete(string file)
    {
        try { System.IO.File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void TryDeleteFolder(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
