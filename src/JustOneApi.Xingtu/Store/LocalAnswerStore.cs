using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Configuration;

namespace JustOneApi.Xingtu.Store
{
    /// <summary>
    /// The per-user store of billed answers, shared by every process of the user. Each answer is one file,
    /// <c>&lt;folder&gt;/&lt;h0h1&gt;/&lt;SHA-256 hex of the key&gt;.entry</c> in the self-checking
    /// <see cref="EntryFormat"/>; the two-character fan-out keeps each folder near a hundredth of a 32,000-entry store.
    /// A write goes to a temporary file beside its entry and is renamed over it, so a reader sees the old entry or
    /// the new one, never half of one. Reading and writing never throw: a damaged entry is a miss and is removed; a
    /// write that fails says why and the caller goes on. Safe to use from many threads and processes at once.
    /// <para>
    /// The store owns only what it made. It works in a folder it created and marked with <see cref="MarkerName"/> (or
    /// an existing folder that holds nothing but the store's own names, which it then marks), and there touches only
    /// its own names: hashed entries in two-hex-digit folders, its own temporary names, and its two marker files. It
    /// never changes the mode of a folder it did not create. On Unix a folder owned by another user, or writable by
    /// group or others, is neither read nor written: anyone who can write there could plant answers that would be
    /// served with nothing sent. <see cref="Problem"/> says why a folder is refused.
    /// </para>
    /// </summary>
    internal sealed class LocalAnswerStore
    {
        /// <summary>How old a kept answer may be and still be served: Xingtu's 30- and 90-day figures are daily aggregates, so half a day old is as good as new, and a daily run still fetches afresh.</summary>
        public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(12);

        /// <summary>How old an entry may grow before the daily prune removes it.</summary>
        public static readonly TimeSpan DefaultPruneAge = TimeSpan.FromDays(30);

        /// <summary>The least time between two prunes of one folder, across processes.</summary>
        public static readonly TimeSpan PruneInterval = TimeSpan.FromDays(1);

        /// <summary>A temporary file older than this is a write that died; a younger one may be a write in progress.</summary>
        public static readonly TimeSpan AbandonedWriteAge = TimeSpan.FromMinutes(10);

        private const string FolderName = "JustOneApi.Xingtu";
        private const string TemporaryExtension = ".tmp";
        private const string PruneMarkerName = "last-prune";

        /// <summary>The file that marks a folder as the store's own; the store works in no folder without it.</summary>
        public const string MarkerName = ".justoneapi-xingtu-store";

        private static readonly Regex FanOutName = new Regex("^[0-9a-f]{2}$", RegexOptions.CultureInvariant);
        private static readonly Regex EntryName = new Regex("^[0-9a-f]{64}" + Regex.Escape(EntryFormat.Extension) + "$", RegexOptions.CultureInvariant);
        private static readonly Regex TemporaryName = new Regex("^[0-9a-f]{64}" + Regex.Escape(EntryFormat.Extension) + "\\.[0-9a-f]{32}" + Regex.Escape(TemporaryExtension) + "$", RegexOptions.CultureInvariant);

        private readonly Func<DateTimeOffset> _clock;
        private readonly object _claimLock = new object();
        private volatile bool _folderRestricted;
        private volatile bool _owned;
        private volatile bool _verified;

        /// <param name="directory">The store's folder; made absolute; created on the first write.</param>
        /// <param name="clock">Now, for ages; DateTimeOffset.UtcNow when null.</param>
        public LocalAnswerStore(string directory, Func<DateTimeOffset>? clock = null)
        {
            if (string.IsNullOrWhiteSpace(directory))
            {
                throw new ArgumentException(Texts.L(Texts.StoreFolderEmpty), nameof(directory));
            }

            Folder = Path.GetFullPath(directory);
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The store's folder.</summary>
        public string Folder { get; }

        /// <summary>
        /// The per-user default: %LOCALAPPDATA%\JustOneApi.Xingtu\Cache on Windows; elsewhere
        /// $XDG_CACHE_HOME/JustOneApi.Xingtu when that is an absolute path, else ~/.cache/JustOneApi.Xingtu.
        /// </summary>
        public static string DefaultDirectory() => UserFolders.IsWindows
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), FolderName, "Cache")
            : Path.Combine(UserFolders.XdgBase("XDG_CACHE_HOME", ".cache"), FolderName);

        /// <summary>
        /// Why the store may not use its folder, or null when it may (the folder is missing, or is the store's own and
        /// kept to its owner). A folder of another user, one writable by group or others, and one that holds files
        /// the store did not make are refused; an unmarked folder that holds only the store's own names is marked and
        /// used. Never throws.
        /// </summary>
        public string? Problem()
        {
            try
            {
                if (!Directory.Exists(Folder))
                {
                    return null;
                }

                string? unsafeFolder = UserFolders.WhyNotPrivate(Folder);
                if (unsafeFolder != null)
                {
                    return Texts.Format(Texts.StoreFolderNotPrivate, Folder, unsafeFolder);
                }

                if (!ClaimFolder())
                {
                    return Texts.Format(Texts.StoreFolderForeign, Folder, MarkerName);
                }

                return null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return Texts.Format(Texts.StoreFolderUncheckable, Folder, ex.Message);
            }
        }

        /// <summary>True when the folder is the store's: marked, or holding only the store's names (then marked now).</summary>
        private bool ClaimFolder()
        {
            if (_owned || File.Exists(Path.Combine(Folder, MarkerName)))
            {
                _owned = true;
                return true;
            }

            lock (_claimLock)
            {
                var root = new DirectoryInfo(Folder);
                foreach (FileSystemInfo item in root.EnumerateFileSystemInfos())
                {
                    bool ours = item is DirectoryInfo folder
                        ? FanOutName.IsMatch(folder.Name) && folder.EnumerateFileSystemInfos().All(file => file is FileInfo && IsOwnFile(file.Name))
                        : item.Name == PruneMarkerName || item.Name == MarkerName;
                    if (!ours)
                    {
                        return false;
                    }
                }

                WriteMarker();
                _owned = true;
                return true;
            }
        }

        private void WriteMarker()
        {
            // untranslated: a note in a file shared by every session, whatever its language; the store reads only the file's name.
            File.WriteAllText(Path.Combine(Folder, MarkerName), "This folder is the local answer store of the JustOneApi.Xingtu PowerShell module. Clear-XingtuLocalCache empties it.\n");
        }

        private static bool IsOwnFile(string name) => EntryName.IsMatch(name) || TemporaryName.IsMatch(name);

        /// <summary>
        /// The stored answer for <paramref name="key"/> when it is younger than <paramref name="maxAge"/> by the
        /// clock (an entry stamped in the future, after a clock change, counts as that much younger, within the
        /// same bound). A miss when there is none, when <paramref name="maxAge"/> is zero or less, when the key holds
        /// a token, or when the entry cannot be read. A damaged, cut, foreign or wrong-key entry is removed, with one
        /// line to <paramref name="log"/> that says why (never the body). Never throws.
        /// </summary>
        public bool TryRead(string key, TimeSpan maxAge, out StoredAnswer? answer, Action<string>? log)
        {
            answer = null;
            if (maxAge <= TimeSpan.Zero || string.IsNullOrEmpty(key) || StoreKey.HasToken(key))
            {
                return false;
            }

            if (!Usable())
            {
                return false;
            }

            string file;
            StoredAnswer? found;
            string? problem;
            try
            {
                byte[] keyBytes = Encoding.UTF8.GetBytes(key);
                file = EntryPath(keyBytes);
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1))
                {
                    found = EntryFormat.Read(stream, keyBytes, out problem);
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                return false;
            }
            catch (Exception ex)
            {
                log?.Invoke(Texts.Format(Texts.StoreEntryUnreadable, key, ex.Message));
                return false;
            }

            if (found == null)
            {
                string removal = TryDelete(file) ? Texts.StoreEntryRemoved : Texts.StoreEntryNotRemoved;
                log?.Invoke(Texts.Format(Texts.StoreEntryUnusable, key, Path.GetFileName(file), problem!, removal));
                return false;
            }

            TimeSpan age = _clock() - found.FetchedAt;
            if (age >= maxAge || age <= -maxAge)
            {
                return false;
            }

            answer = found;
            return true;
        }

        /// <summary>
        /// Stores an answer under <paramref name="key"/>, replacing any entry for it, atomically. Creates the folder
        /// owner-only (0700 on Unix) when it is missing. False, with a short reason that holds neither the token nor
        /// the body, when the answer could not be stored (full disk, read-only folder, a token in the key, ...).
        /// Never throws.
        /// </summary>
        public bool TryWrite(string key, int httpStatus, byte[] body, DateTimeOffset fetchedAt, out string? problem)
        {
            problem = null;
            if (string.IsNullOrEmpty(key) || body == null)
            {
                problem = Texts.L(Texts.StoreNoKeyOrBody);
                return false;
            }

            if (StoreKey.HasToken(key))
            {
                problem = Texts.L(Texts.StoreKeyHoldsToken);
                return false;
            }

            string? temporary = null;
            try
            {
                byte[] keyBytes = Encoding.UTF8.GetBytes(key);
                if (keyBytes.Length > EntryFormat.MaxKeyBytes)
                {
                    problem = Texts.L(Texts.StoreKeyTooLong);
                    return false;
                }

                string file = EntryPath(keyBytes);
                string folder = Path.GetDirectoryName(file)!;
                problem = PrepareFolder(folder);
                if (problem != null)
                {
                    return false;
                }

                // No flush to disk: a crash can leave a cut entry at worst, and a cut entry is read as a miss.
                temporary = file + "." + Guid.NewGuid().ToString("N") + TemporaryExtension;
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
                {
                    EntryFormat.Write(stream, EntryFormat.Prefix(keyBytes, httpStatus, body.Length, fetchedAt), body);
                }

                Publish(temporary, file);
                return true;
            }
            catch (Exception ex)
            {
                problem = Texts.Format(Texts.StoreWriteFailed, Folder, ex.Message);
                return false;
            }
            finally
            {
                if (temporary != null)
                {
                    TryDelete(temporary);
                }
            }
        }

        /// <summary>What the store holds. Scans every entry's header; an empty summary when the folder is missing.</summary>
        public LocalCacheInfo Summarize()
        {
            int count = 0;
            long bytes = 0;
            DateTimeOffset? oldest = null;
            DateTimeOffset? newest = null;
            var root = new DirectoryInfo(Folder);
            if (root.Exists && Usable())
            {
                foreach (FileInfo file in root.EnumerateFiles())
                {
                    if (file.Name == MarkerName || file.Name == PruneMarkerName)
                    {
                        bytes += LengthOf(file);
                    }
                }
            }

            foreach (FileInfo file in FanOutFiles())
            {
                bytes += LengthOf(file);
                if (IsEntry(file) && ReadHeader(file.FullName, out EntryFormat.Header header))
                {
                    count++;
                    oldest = oldest == null || header.FetchedAt < oldest ? header.FetchedAt : oldest;
                    newest = newest == null || header.FetchedAt > newest ? header.FetchedAt : newest;
                }
            }

            return new LocalCacheInfo(Folder, count, bytes, oldest, newest);
        }

        /// <summary>
        /// Removes every entry, or, with <paramref name="olderThan"/>, those fetched longer ago than that by the clock;
        /// damaged entries go in either case, and so do temporary files of writes that died
        /// (<see cref="AbandonedWriteAge"/>). <paramref name="confirm"/>, when given, is asked ONCE, before anything is
        /// removed, with a text that names what would go (e.g. "12 entries fetched before 2026-05-01 10:00:00Z in
        /// /home/u/.cache/JustOneApi.Xingtu"); false removes nothing. It is not asked when there is nothing to
        /// remove. This maps onto one ShouldProcess call, so -WhatIf prints one line and -Confirm asks once.
        /// Returns how many entries were removed (temporary files not counted). Throws when a file cannot be removed.
        /// </summary>
        public int Clear(TimeSpan? olderThan, Func<string, bool>? confirm)
        {
            if (olderThan < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(olderThan), Texts.L(Texts.StoreOlderThanNegative));
            }

            if (Directory.Exists(Folder) && Problem() is string problem)
            {
                throw new InvalidOperationException(Texts.Format(Texts.StoreNothingDeleted, problem));
            }

            DateTimeOffset now = _clock();

            // Any age works: one longer than all time since the earliest date deletes only damaged entries.
            DateTimeOffset? cutoff = olderThan == null ? (DateTimeOffset?)null
                : olderThan.Value >= now - DateTimeOffset.MinValue ? DateTimeOffset.MinValue
                : now - olderThan.Value;
            var entries = new List<string>();
            var abandoned = new List<string>();
            foreach (FileInfo file in FanOutFiles())
            {
                if (IsEntry(file))
                {
                    if (cutoff == null || !ReadHeader(file.FullName, out EntryFormat.Header header) || header.FetchedAt < cutoff)
                    {
                        entries.Add(file.FullName);
                    }
                }
                else if (IsAbandonedWrite(file, now))
                {
                    abandoned.Add(file.FullName);
                }
            }

            if (entries.Count + abandoned.Count == 0)
            {
                return 0;
            }

            if (confirm != null && !confirm(Describe(entries.Count, abandoned.Count, cutoff)))
            {
                return 0;
            }

            int removed = 0;
            foreach (string entry in entries)
            {
                // Looked at again just before it goes: another process may have rewritten it with a fresh answer.
                if (cutoff != null && ReadHeader(entry, out EntryFormat.Header header) && header.FetchedAt >= cutoff)
                {
                    continue;
                }

                if (File.Exists(entry))
                {
                    File.Delete(entry);
                    removed++;
                }
            }

            foreach (string file in abandoned)
            {
                File.Delete(file);
            }

            return removed;
        }

        /// <summary>Prunes entries older than <see cref="DefaultPruneAge"/>; see <see cref="PruneInBackground(TimeSpan)"/>.</summary>
        public Task PruneInBackground() => PruneInBackground(DefaultPruneAge);

        /// <summary>
        /// At most once per <see cref="PruneInterval"/> per folder, shared by every process through a marker file,
        /// removes entries fetched longer ago than <paramref name="maxEntryAge"/> and temporary files of writes that
        /// died. Everything, the marker check included, runs on a thread-pool task, so the caller is never held up;
        /// the task swallows every failure and never faults. Callers may ignore it; tests await it.
        /// </summary>
        public Task PruneInBackground(TimeSpan maxEntryAge) => Task.Run(() =>
        {
            try
            {
                DateTimeOffset now = _clock();
                if (ClaimPrune(now))
                {
                    Prune(now - maxEntryAge, now);
                }
            }
            catch (Exception)
            {
                // A prune is housekeeping: whatever stops it, the next one (tomorrow) tries again.
            }
        });

        /// <summary>The entry file for <paramref name="key"/>; it need not exist.</summary>
        internal string EntryPath(string key) => EntryPath(Encoding.UTF8.GetBytes(key));

        private string EntryPath(byte[] key)
        {
            byte[] hash;
            using (SHA256 sha = SHA256.Create())
            {
                hash = sha.ComputeHash(key);
            }

            var name = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash)
            {
                name.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            string hex = name.ToString();
            return Path.Combine(Folder, hex.Substring(0, 2), hex + EntryFormat.Extension);
        }

        /// <summary>
        /// Makes the fan-out folder, and the store's folder when it is missing: owner-only, marked as the store's. An
        /// existing folder keeps its mode; null when the write may go on, else why not.
        /// </summary>
        private string? PrepareFolder(string fanOut)
        {
            if (_folderRestricted && Directory.Exists(fanOut))
            {
                return null;
            }

            lock (_claimLock)
            {
                if (!Directory.Exists(Folder))
                {
                    // Created here, so kept to its owner and marked before anything goes in.
                    UserFolders.CreateOwnerOnly(Folder);
                    WriteMarker();
                    _owned = true;
                }
            }

            if (!_verified && Problem() is string problem)
            {
                return problem;
            }

            _verified = true;
            Directory.CreateDirectory(fanOut);
            _folderRestricted = true;
            return null;
        }

        /// <summary>True when the folder is missing or may be used; once an existing folder passed, it is not checked again.</summary>
        private bool Usable()
        {
            if (_verified)
            {
                return true;
            }

            bool usable = Problem() == null;
            _verified = usable && _owned;
            return usable;
        }

        private static void Publish(string temporary, string file)
        {
            // File.Replace needs the target to exist and File.Move needs it absent; another process may create or
            // remove it between the check and the rename, so a failed rename looks again (twice at most).
            for (int attempt = 1; ; attempt++)
            {
                bool exists = File.Exists(file);
                try
                {
                    if (exists)
                    {
                        File.Replace(temporary, file, null, ignoreMetadataErrors: true);
                    }
                    else
                    {
                        File.Move(temporary, file);
                    }

                    return;
                }
                catch (IOException) when (attempt < 3)
                {
                    if (!exists && File.Exists(file))
                    {
                        // Another writer got there first; its answer is as good as ours.
                        return;
                    }
                }
            }
        }

        private bool ClaimPrune(DateTimeOffset now)
        {
            if (!Directory.Exists(Folder) || !Usable())
            {
                return false;
            }

            // Held exclusively while it is read and rewritten, so of several processes only one sees it due.
            using (var marker = new FileStream(Path.Combine(Folder, PruneMarkerName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                var content = new byte[64];
                int length = marker.Read(content, 0, content.Length);
                if (long.TryParse(Encoding.ASCII.GetString(content, 0, length).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long last)
                    && last >= EntryFormat.MinUnixMs && last <= EntryFormat.MaxUnixMs)
                {
                    TimeSpan since = now - DateTimeOffset.FromUnixTimeMilliseconds(last);
                    if (since < PruneInterval && since > -PruneInterval)
                    {
                        return false;
                    }
                }

                byte[] stamp = Encoding.ASCII.GetBytes(now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                marker.SetLength(0);
                marker.Write(stamp, 0, stamp.Length);
                return true;
            }
        }

        private void Prune(DateTimeOffset cutoff, DateTimeOffset now)
        {
            foreach (FileInfo file in FanOutFiles())
            {
                try
                {
                    if (IsEntry(file))
                    {
                        if (ReadHeader(file.FullName, out EntryFormat.Header header) && header.FetchedAt < cutoff)
                        {
                            file.Delete();
                        }
                    }
                    else if (IsAbandonedWrite(file, now))
                    {
                        file.Delete();
                    }
                }
                catch (Exception)
                {
                    // One file that will not go does not stop the rest.
                }
            }
        }

        /// <summary>The files in the fan-out folders; nothing when the store's folder is missing.</summary>
        private IEnumerable<FileInfo> FanOutFiles()
        {
            var root = new DirectoryInfo(Folder);
            if (!root.Exists || !Usable())
            {
                yield break;
            }

            foreach (DirectoryInfo fanOut in root.EnumerateDirectories())
            {
                if (!FanOutName.IsMatch(fanOut.Name))
                {
                    continue;
                }

                FileInfo[] files;
                try
                {
                    files = fanOut.GetFiles();
                }
                catch (DirectoryNotFoundException)
                {
                    continue;
                }

                foreach (FileInfo file in files)
                {
                    if (IsOwnFile(file.Name))
                    {
                        yield return file;
                    }
                }
            }
        }

        private static bool IsEntry(FileInfo file) => file.Name.EndsWith(EntryFormat.Extension, StringComparison.Ordinal);

        private static bool IsAbandonedWrite(FileInfo file, DateTimeOffset now) =>
            TemporaryName.IsMatch(file.Name)
            && now - new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero) > AbandonedWriteAge;

        private static long LengthOf(FileInfo file)
        {
            try
            {
                return file.Length;
            }
            catch (FileNotFoundException)
            {
                return 0;
            }
        }

        private static bool ReadHeader(string file, out EntryFormat.Header header)
        {
            header = default;
            try
            {
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1))
                {
                    return EntryFormat.ReadHeader(stream, out header) == null;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static bool TryDelete(string file)
        {
            try
            {
                File.Delete(file);
                return !File.Exists(file);
            }
            catch (Exception)
            {
                return false;
            }
        }

        private string Describe(int entries, int abandoned, DateTimeOffset? cutoff)
        {
            string what = cutoff == null
                ? Texts.Format(Texts.StoreClearAll, entries)
                : Texts.Format(Texts.StoreClearOlder, entries, cutoff.Value.UtcDateTime.ToString("u", CultureInfo.InvariantCulture));
            if (abandoned > 0)
            {
                what = Texts.Format(Texts.StoreClearAbandoned, what, abandoned);
            }

            return Texts.Format(Texts.StoreClearIn, what, Folder);
        }
    }
}
