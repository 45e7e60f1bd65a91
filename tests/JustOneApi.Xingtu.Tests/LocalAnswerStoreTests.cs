using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Store;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>The local answer store, on real files in a temporary folder, with a fake clock.</summary>
    public sealed class LocalAnswerStoreTests : IDisposable
    {
        private const string Path90 = "api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1";
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan TwelveHours = TimeSpan.FromHours(12);

        private readonly string _scratch = Path.Combine(Path.GetTempPath(), "xingtu-store-tests-" + Guid.NewGuid().ToString("N"));
        private DateTimeOffset _now = T0;

        public LocalAnswerStoreTests()
        {
            Directory.CreateDirectory(_scratch);
        }

        public void Dispose()
        {
            foreach (string folder in Directory.EnumerateDirectories(_scratch, "*", SearchOption.AllDirectories).Prepend(_scratch))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            Directory.Delete(_scratch, recursive: true);
        }

        private string StorePath => Path.Combine(_scratch, "store");

        private LocalAnswerStore NewStore(string? path = null) => new LocalAnswerStore(path ?? StorePath, () => _now);

        private static string Key(string authorId, string range = "DAY_90") => JustOneApi.Xingtu.Model.ApiRequest.ComposeKey(Path90, new[]
        {
            new KeyValuePair<string, string>("oAuthorId", authorId),
            new KeyValuePair<string, string>("range", range),
        });

        private static byte[] Body(string marker, int padding = 0) =>
            Encoding.UTF8.GetBytes("{\"code\":0,\"data\":{\"marker\":\"" + marker + "\",\"pad\":\"" + new string('x', padding) + "\"}}");

        private static void Write(LocalAnswerStore store, string key, byte[] body, DateTimeOffset fetchedAt, int status = 200)
        {
            Assert.True(store.TryWrite(key, status, body, fetchedAt, out string? problem), problem);
            Assert.Null(problem);
        }

        [DllImport("libc", EntryPoint = "geteuid")]
        private static extern uint GetEffectiveUserId();

        // --- reading and writing -------------------------------------------------------------------------------

        [Theory]
        [InlineData(200)]
        [InlineData(429)]
        public void RoundTrip_ReturnsTheBodyStatusAndFetchTime(int status)
        {
            LocalAnswerStore store = NewStore();
            byte[] body = Body("round-trip").Concat(new byte[] { 0, 0xFF, 0xFE, 0x80 }).ToArray();
            DateTimeOffset fetchedAt = new DateTimeOffset(2026, 3, 1, 16, 0, 0, 123, TimeSpan.FromHours(8)).AddTicks(4567);
            Write(store, Key("123"), body, fetchedAt, status);

            _now = T0.AddHours(1);
            Assert.True(store.TryRead(Key("123"), TwelveHours, out StoredAnswer? answer, null));

            Assert.Equal(body, answer!.Body);
            Assert.Equal(status, answer.HttpStatus);
            Assert.Equal(T0.AddMilliseconds(123), answer.FetchedAt);
            Assert.Equal(TimeSpan.Zero, answer.FetchedAt.Offset);
        }

        [Fact]
        public void RoundTrip_SurvivesANewInstance_AndKeysStayApart()
        {
            Write(NewStore(), Key("123"), Body("a"), T0);
            Write(NewStore(), Key("123", "DAY_30"), Body("b"), T0);

            LocalAnswerStore other = NewStore();
            Assert.True(other.TryRead(Key("123"), TwelveHours, out StoredAnswer? a, null));
            Assert.True(other.TryRead(Key("123", "DAY_30"), TwelveHours, out StoredAnswer? b, null));
            Assert.Equal(Body("a"), a!.Body);
            Assert.Equal(Body("b"), b!.Body);
            Assert.False(other.TryRead(Key("456"), TwelveHours, out _, null));
        }

        [Fact]
        public void Write_ReplacesTheEntry()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("123"), Body("old", 5000), T0);
            Write(store, Key("123"), Body("new"), T0.AddMinutes(1));

            Assert.True(store.TryRead(Key("123"), TwelveHours, out StoredAnswer? answer, null));
            Assert.Equal(Body("new"), answer!.Body);
            Assert.Equal(T0.AddMinutes(1), answer.FetchedAt);
            Assert.Single(Directory.GetFiles(StorePath, "*", SearchOption.AllDirectories), file => Path.GetFileName(file) != LocalAnswerStore.MarkerName);
        }

        [Fact]
        public void Read_OfAMissingStore_IsAMiss_AndCreatesNothing()
        {
            Assert.False(NewStore().TryRead(Key("123"), TwelveHours, out StoredAnswer? answer, _ => Assert.Fail("no log for a plain miss")));
            Assert.Null(answer);
            Assert.False(Directory.Exists(StorePath));
        }

        [Fact]
        public void Entry_HasTheDocumentedLayout()
        {
            LocalAnswerStore store = NewStore();
            byte[] body = Body("layout");
            string key = Key("123");
            Write(store, key, body, T0, 201);

            string file = store.EntryPath(key);
            string name = Path.GetFileNameWithoutExtension(file);
            Assert.Matches("^[0-9a-f]{64}$", name);
            Assert.Equal(".entry", Path.GetExtension(file));
            Assert.Equal(name.Substring(0, 2), Path.GetFileName(Path.GetDirectoryName(file)));
            Assert.Equal(StorePath, Path.GetDirectoryName(Path.GetDirectoryName(file)));

            byte[] bytes = File.ReadAllBytes(file);
            byte[] keyBytes = Encoding.UTF8.GetBytes(key);
            Assert.Equal("XTAS", Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal(1, BitConverter.ToInt32(bytes, 4));
            Assert.Equal(T0.ToUnixTimeMilliseconds(), BitConverter.ToInt64(bytes, 8));
            Assert.Equal(201, BitConverter.ToInt32(bytes, 16));
            Assert.Equal(keyBytes.Length, BitConverter.ToInt32(bytes, 20));
            Assert.Equal(body.Length, BitConverter.ToInt32(bytes, 24));
            Assert.Equal(keyBytes, bytes.Skip(28).Take(keyBytes.Length));
            Assert.Equal(body, bytes.Skip(28 + keyBytes.Length).Take(body.Length));
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)), bytes.Skip(bytes.Length - 32));
            Assert.Equal(60 + keyBytes.Length + body.Length, bytes.Length);
        }

        // --- age -----------------------------------------------------------------------------------------------

        [Fact]
        public void Read_HitsWhileYoungerThanMaxAge_AndMissesFromThen_WithoutRemovingTheEntry()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("123"), Body("aging"), T0);

            _now = T0 + TwelveHours - TimeSpan.FromMilliseconds(1);
            Assert.True(store.TryRead(Key("123"), TwelveHours, out _, null));

            _now = T0 + TwelveHours;
            Assert.False(store.TryRead(Key("123"), TwelveHours, out StoredAnswer? answer, null));
            Assert.Null(answer);
            Assert.True(store.TryRead(Key("123"), TimeSpan.FromHours(13), out _, null));
            Assert.True(File.Exists(store.EntryPath(Key("123"))));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void Read_WithMaxAgeZeroOrLess_IsAMiss(int seconds)
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("123"), Body("fresh"), T0);

            Assert.False(store.TryRead(Key("123"), TimeSpan.FromSeconds(seconds), out StoredAnswer? answer, null));
            Assert.Null(answer);
            Assert.True(store.TryRead(Key("123"), TwelveHours, out _, null));
        }

        [Fact]
        public void Read_OfAnEntryStampedInTheFuture_HitsOnlyWithinMaxAge()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("1"), Body("soon"), T0.AddHours(1));
            Write(store, Key("2"), Body("far"), T0.AddHours(13));

            Assert.True(store.TryRead(Key("1"), TwelveHours, out _, null));
            Assert.False(store.TryRead(Key("2"), TwelveHours, out _, null));
        }

        // --- damage --------------------------------------------------------------------------------------------

        public static TheoryData<string> Damages => new TheoryData<string>
        {
            "empty", "cut to half", "cut by one byte", "one byte too many", "binary garbage", "flipped body byte", "other version",
        };

        [Theory]
        [MemberData(nameof(Damages))]
        public void Read_OfADamagedEntry_IsAMiss_RemovesIt_AndLogsWhyWithoutTheBody(string damage)
        {
            LocalAnswerStore store = NewStore();
            string key = Key("123");
            Write(store, key, Body("SECRET-BODY-TEXT", 300), T0);
            string file = store.EntryPath(key);
            byte[] bytes = File.ReadAllBytes(file);
            byte[] damaged = damage switch
            {
                "empty" => Array.Empty<byte>(),
                "cut to half" => bytes.Take(bytes.Length / 2).ToArray(),
                "cut by one byte" => bytes.Take(bytes.Length - 1).ToArray(),
                "one byte too many" => bytes.Append((byte)0).ToArray(),
                "binary garbage" => Garbage(bytes.Length),
                "flipped body byte" => Flip(bytes, bytes.Length - 32 - 10),
                "other version" => Flip(bytes, 4),
                _ => throw new ArgumentOutOfRangeException(nameof(damage)),
            };
            File.WriteAllBytes(file, damaged);

            var log = new List<string>();
            Assert.False(store.TryRead(key, TwelveHours, out StoredAnswer? answer, log.Add));

            Assert.Null(answer);
            Assert.False(File.Exists(file));
            string line = Assert.Single(log);
            Assert.Contains("removed", line);
            Assert.Contains(Path.GetFileName(file), line);
            Assert.DoesNotContain("SECRET-BODY-TEXT", line);
        }

        [Fact]
        public void Read_OfAnEntryCopiedUnderAnotherKeysName_IsAMiss_AndRemovesOnlyTheCopy()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("111"), Body("one"), T0);
            string copy = store.EntryPath(Key("222"));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(store.EntryPath(Key("111")), copy);

            var log = new List<string>();
            Assert.False(store.TryRead(Key("222"), TwelveHours, out _, log.Add));

            Assert.False(File.Exists(copy));
            Assert.Contains("another key", Assert.Single(log));
            Assert.True(store.TryRead(Key("111"), TwelveHours, out StoredAnswer? original, null));
            Assert.Equal(Body("one"), original!.Body);
        }

        [Fact]
        public void Read_OfAnEntryThatCannotBeOpened_IsAMiss_AndDoesNotThrow()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("other"), Body("x"), T0);
            string file = store.EntryPath(Key("123"));
            Directory.CreateDirectory(file);

            var log = new List<string>();
            Assert.False(store.TryRead(Key("123"), TwelveHours, out StoredAnswer? answer, log.Add));

            Assert.Null(answer);
            Assert.Single(log);
        }

        private static byte[] Garbage(int length)
        {
            var bytes = new byte[length];
            new Random(20260301).NextBytes(bytes);
            return bytes;
        }

        private static byte[] Flip(byte[] bytes, int index)
        {
            byte[] copy = (byte[])bytes.Clone();
            copy[index] ^= 0x55;
            return copy;
        }

        // --- concurrency ---------------------------------------------------------------------------------------

        [Fact]
        public async Task ParallelWritersAndReaders_AlwaysFindAWholeEntry()
        {
            // Bodies of very different sizes, so a write that is not atomic is caught half-way by a reader.
            string[] keys = { Key("1"), Key("2"), Key("3") };
            byte[][] bodies = { Body("small"), Body("medium", 40_000), Body("large", 400_000) };
            foreach (string key in keys)
            {
                Write(NewStore(), key, bodies[0], T0);
            }

            var failures = new ConcurrentQueue<string>();
            int reads = 0;
            int writes = 0;
            Task[] workers = Enumerable.Range(0, 6).Select(worker => Task.Run(() =>
            {
                // One store per worker, as one process each would have.
                LocalAnswerStore store = NewStore();
                var random = new Random(worker);
                for (int i = 0; i < 150; i++)
                {
                    string key = keys[random.Next(keys.Length)];
                    if (worker % 2 == 0)
                    {
                        if (!store.TryWrite(key, 200, bodies[random.Next(bodies.Length)], T0, out string? problem))
                        {
                            failures.Enqueue("write failed: " + problem);
                        }

                        Interlocked.Increment(ref writes);
                    }
                    else if (!store.TryRead(key, TwelveHours, out StoredAnswer? answer, line => failures.Enqueue(line)))
                    {
                        failures.Enqueue("a reader found no entry for " + key);
                    }
                    else
                    {
                        Interlocked.Increment(ref reads);
                        if (!bodies.Any(body => body.AsSpan().SequenceEqual(answer!.Body)))
                        {
                            failures.Enqueue($"a reader saw {answer!.Body.Length} bytes that no writer wrote");
                        }
                    }
                }
            })).ToArray();
            await Task.WhenAll(workers);

            Assert.Empty(failures);
            Assert.Equal(450, reads);
            Assert.Equal(450, writes);
            Assert.Empty(Directory.GetFiles(StorePath, "*.tmp", SearchOption.AllDirectories));
        }

        // --- failures to write ---------------------------------------------------------------------------------

        [Fact]
        public async Task AStoreUnderARegularFile_CannotBeWritten_ButNothingThrows()
        {
            string blocker = Path.Combine(_scratch, "a-file");
            File.WriteAllText(blocker, "not a folder");
            LocalAnswerStore store = NewStore(Path.Combine(blocker, "store"));

            Assert.False(store.TryWrite(Key("123"), 200, Body("SECRET-BODY-TEXT"), T0, out string? problem));
            Assert.False(string.IsNullOrWhiteSpace(problem));
            Assert.DoesNotContain("SECRET-BODY-TEXT", problem);
            Assert.Contains(store.Folder, problem);

            Assert.False(store.TryRead(Key("123"), TwelveHours, out _, null));
            LocalCacheInfo summary = store.Summarize();
            Assert.Equal(0, summary.EntryCount);
            await store.PruneInBackground(TimeSpan.FromDays(30));
            Assert.Equal("not a folder", File.ReadAllText(blocker));
        }

        [UnsupportedOSPlatform("windows")]

        [NonRootUnixFact]
        public void AReadOnlyStoreFolder_FailsTheWrite()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("123"), Body("first"), T0);
            string fanOut = Path.GetDirectoryName(store.EntryPath(Key("123")))!;
            var readOnly = UnixFileMode.UserRead | UnixFileMode.UserExecute;
            File.SetUnixFileMode(fanOut, readOnly);
            File.SetUnixFileMode(StorePath, readOnly);

            bool written = NewStore().TryWrite(Key("123"), 200, Body("second"), T0, out string? problem);

            Assert.False(written);
            Assert.NotNull(problem);
            Assert.True(store.TryRead(Key("123"), TwelveHours, out StoredAnswer? answer, null));
            Assert.Equal(Body("first"), answer!.Body);
        }

        // --- folder mode ---------------------------------------------------------------------------------------

        [UnsupportedOSPlatform("windows")]

        [UnixFact]
        public void TheStoreFolder_IsCreatedOwnerOnly_AndMarkedAsTheStores()
        {
            string nested = Path.Combine(_scratch, "cache", "JustOneApi.Xingtu");
            Write(NewStore(nested), Key("123"), Body("x"), T0);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(nested));
            Assert.True(File.Exists(Path.Combine(nested, LocalAnswerStore.MarkerName)));
        }

        [UnsupportedOSPlatform("windows")]

        [UnixFact]
        public void AnExistingEmptyFolder_KeepsItsMode_AndIsMarked()
        {
            Directory.CreateDirectory(StorePath);
            var mode = (UnixFileMode)Convert.ToInt32("755", 8);
            File.SetUnixFileMode(StorePath, mode);

            Write(NewStore(), Key("123"), Body("x"), T0);

            Assert.Equal(mode, File.GetUnixFileMode(StorePath));
            Assert.True(File.Exists(Path.Combine(StorePath, LocalAnswerStore.MarkerName)));
        }

        // --- folders the store does not own ----------------------------------------------------------------------

        /// <summary>A user's own files, beside and inside what looks like the store's layout, all old enough to prune.</summary>
        private string[] PlantUserFiles(string folder, string fanOut)
        {
            Directory.CreateDirectory(Path.Combine(folder, fanOut));
            Directory.CreateDirectory(Path.Combine(folder, "drafts"));
            string[] files =
            {
                Path.Combine(folder, "draft.tmp"),
                Path.Combine(folder, "notes.entry"),
                Path.Combine(folder, fanOut, "draft.tmp"),
                Path.Combine(folder, fanOut, "notes.entry"),
                Path.Combine(folder, fanOut, "cafe.entry.tmp"),
                Path.Combine(folder, "drafts", "old.entry"),
                Path.Combine(folder, "drafts", new string('a', 64) + ".entry"),
            };
            foreach (string file in files)
            {
                File.WriteAllText(file, "the user's own");
                File.SetLastWriteTimeUtc(file, T0.UtcDateTime.AddDays(-90));
            }

            return files;
        }

        [Fact]
        public async Task AFolderWithFilesTheStoreDidNotMake_IsNeitherReadNorWritten_AndNothingInItIsTouched()
        {
            string[] files = PlantUserFiles(StorePath, "ab");
            UnixFileMode? mode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(StorePath);
            LocalAnswerStore store = NewStore();

            Assert.False(store.TryWrite(Key("123"), 200, Body("x"), T0, out string? problem));
            Assert.Contains(LocalAnswerStore.MarkerName, problem);
            Assert.Equal(problem, store.Problem());
            Assert.False(store.TryRead(Key("123"), TwelveHours, out _, null));
            _now = T0.AddDays(400);
            await store.PruneInBackground(TimeSpan.Zero);
            Assert.Throws<InvalidOperationException>(() => store.Clear(null, null));
            Assert.Equal(0, store.Summarize().EntryCount);

            Assert.All(files, file => Assert.Equal("the user's own", File.ReadAllText(file)));
            Assert.Equal(7 + 2, Directory.EnumerateFileSystemEntries(StorePath, "*", SearchOption.AllDirectories).Count());
            Assert.False(File.Exists(Path.Combine(StorePath, LocalAnswerStore.MarkerName)));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(mode, File.GetUnixFileMode(StorePath));
            }
        }

        [Fact]
        public async Task InItsOwnFolder_TheStoreTouchesOnlyItsOwnNames()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("1"), Body("a"), T0);
            string fanOut = Path.GetFileName(Path.GetDirectoryName(store.EntryPath(Key("1"))))!;
            string[] files = PlantUserFiles(StorePath, fanOut);
            string abandoned = store.EntryPath(Key("2")) + "." + Guid.NewGuid().ToString("N") + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(abandoned)!);
            File.WriteAllText(abandoned, "half");
            File.SetLastWriteTimeUtc(abandoned, T0.UtcDateTime.AddHours(-1));

            _now = T0.AddDays(400);
            await NewStore().PruneInBackground(TimeSpan.FromDays(30));
            Assert.False(File.Exists(store.EntryPath(Key("1"))), "the store's own old entry is pruned");
            Assert.False(File.Exists(abandoned), "the store's own abandoned write is removed");
            Write(store, Key("3"), Body("c"), _now);
            Assert.Equal(1, store.Summarize().EntryCount);
            Assert.Equal(1, store.Clear(null, null));

            Assert.All(files, file => Assert.Equal("the user's own", File.ReadAllText(file)));
        }

        [UnsupportedOSPlatform("windows")]

        [UnixFact]
        public void AFolderWritableByGroupOrOthers_IsNeitherReadNorWritten()
        {
            Write(NewStore(), Key("1"), Body("planted"), T0);
            File.SetUnixFileMode(StorePath, (UnixFileMode)Convert.ToInt32("777", 8));
            LocalAnswerStore store = NewStore();

            Assert.Contains("writable by group or others (mode 0777)", store.Problem());
            Assert.False(store.TryRead(Key("1"), TwelveHours, out _, null));
            Assert.False(store.TryWrite(Key("2"), 200, Body("x"), T0, out string? problem));
            Assert.Contains("writable by group or others", problem);
            Assert.Equal((UnixFileMode)Convert.ToInt32("777", 8), File.GetUnixFileMode(StorePath));
        }

        [UnsupportedOSPlatform("windows")]

        [UnixFact]
        public void AFolderOfAnotherUser_IsNeitherReadNorWritten()
        {
            string folder;
            if (Native.geteuid() == 0)
            {
                // Root can give a folder away; 65534 is nobody.
                Write(NewStore(), Key("1"), Body("planted"), T0);
                File.SetUnixFileMode(StorePath, (UnixFileMode)Convert.ToInt32("700", 8));
                Assert.Equal(0, Native.chown(StorePath, 65534, 65534));
                folder = StorePath;
            }
            else
            {
                // Anyone else finds a folder of root's; /usr is one on every Unix.
                folder = "/usr";
            }

            LocalAnswerStore store = NewStore(folder);
            Assert.Contains("is owned by another user", store.Problem());
            Assert.False(store.TryRead(Key("1"), TwelveHours, out _, null));
            Assert.False(store.TryWrite(Key("2"), 200, Body("x"), T0, out _));
        }

        // --- summary and clearing ------------------------------------------------------------------------------

        [Fact]
        public void Summarize_OfAMissingStore_IsEmpty()
        {
            LocalCacheInfo summary = NewStore().Summarize();

            Assert.Equal(StorePath, summary.Path);
            Assert.Equal(0, summary.EntryCount);
            Assert.Equal(0, summary.TotalBytes);
            Assert.Null(summary.Oldest);
            Assert.Null(summary.Newest);
        }

        [Fact]
        public void Summarize_CountsSoundEntries_AndEveryByte()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("1"), Body("a"), T0.AddDays(-3));
            Write(store, Key("2"), Body("b", 1000), T0);
            Write(store, Key("3"), Body("c"), T0.AddDays(-1));
            string damaged = store.EntryPath(Key("4"));
            Directory.CreateDirectory(Path.GetDirectoryName(damaged)!);
            File.WriteAllBytes(damaged, Garbage(100));

            LocalCacheInfo summary = store.Summarize();

            Assert.Equal(3, summary.EntryCount);
            Assert.Equal(Directory.GetFiles(StorePath, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length), summary.TotalBytes);
            Assert.True(summary.TotalBytes > 1100);
            Assert.Equal(T0.AddDays(-3), summary.Oldest);
            Assert.Equal(T0, summary.Newest);
        }

        [Fact]
        public void Clear_OlderThan_RemovesOnlyOlderEntries_AfterOneConfirmation()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("1"), Body("a"), T0.AddDays(-3));
            Write(store, Key("2"), Body("b"), T0.AddDays(-2).AddMinutes(-1));
            Write(store, Key("3"), Body("c"), T0.AddDays(-1));
            Write(store, Key("4"), Body("d"), T0);

            var asked = new List<string>();
            int removed = store.Clear(TimeSpan.FromDays(2), text => { asked.Add(text); return true; });

            Assert.Equal(2, removed);
            string question = Assert.Single(asked);
            Assert.Contains("2 entries", question);
            Assert.Contains(StorePath, question);
            Assert.False(File.Exists(store.EntryPath(Key("1"))));
            Assert.False(File.Exists(store.EntryPath(Key("2"))));
            Assert.True(store.TryRead(Key("3"), TimeSpan.FromDays(30), out _, null));
            Assert.True(store.TryRead(Key("4"), TimeSpan.FromDays(30), out _, null));
            Assert.Equal(2, store.Summarize().EntryCount);
        }

        [Fact]
        public void Clear_Everything_RemovesAll_AndDamagedEntries()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("1"), Body("a"), T0.AddDays(-3));
            Write(store, Key("2"), Body("b"), T0);
            string damaged = store.EntryPath(Key("3"));
            Directory.CreateDirectory(Path.GetDirectoryName(damaged)!);
            File.WriteAllBytes(damaged, Array.Empty<byte>());

            Assert.Equal(3, store.Clear(null, null));

            Assert.Empty(Directory.GetFiles(StorePath, "*.entry", SearchOption.AllDirectories));
            Assert.Equal(0, store.Summarize().EntryCount);
        }

        [Fact]
        public void Clear_Declined_RemovesNothing()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("1"), Body("a"), T0);

            var asked = new List<string>();
            Assert.Equal(0, store.Clear(null, text => { asked.Add(text); return false; }));

            Assert.Contains("all 1 entries", Assert.Single(asked));
            Assert.True(store.TryRead(Key("1"), TwelveHours, out _, null));
        }

        [Fact]
        public void Clear_WithNothingToRemove_DoesNotAsk()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("1"), Body("a"), T0);

            Assert.Equal(0, store.Clear(TimeSpan.FromDays(1), _ => throw new InvalidOperationException("asked for nothing")));
            Assert.Equal(0, NewStore(Path.Combine(_scratch, "missing")).Clear(null, _ => throw new InvalidOperationException("asked for nothing")));
        }

        [Fact]
        public void Clear_RemovesAbandonedTemporaryFiles_ButNotAWriteInProgress()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("1"), Body("a"), T0);
            string fanOut = Path.GetDirectoryName(store.EntryPath(Key("1")))!;
            string abandoned = store.EntryPath(Key("2")) + "." + Guid.NewGuid().ToString("N") + ".tmp";
            string inProgress = store.EntryPath(Key("3")) + "." + Guid.NewGuid().ToString("N") + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(abandoned)!);
            File.WriteAllText(abandoned, "half");
            Directory.CreateDirectory(Path.GetDirectoryName(inProgress)!);
            File.WriteAllText(inProgress, "half");
            File.SetLastWriteTimeUtc(abandoned, T0.UtcDateTime.AddHours(-1));
            File.SetLastWriteTimeUtc(inProgress, T0.UtcDateTime.AddMinutes(-1));

            Assert.Equal(1, store.Clear(null, null));

            Assert.False(File.Exists(abandoned));
            Assert.True(File.Exists(inProgress));
        }

        [Fact]
        public void Clear_RefusesANegativeAge()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => NewStore().Clear(TimeSpan.FromDays(-1), null));
        }

        [Fact]
        public void Clear_TakesAnyAge_EvenTheLongest()
        {
            LocalAnswerStore store = NewStore();
            Write(store, Key("1"), Body("a"), T0);

            Assert.Equal(0, store.Clear(TimeSpan.MaxValue, _ => throw new InvalidOperationException("asked for nothing")));
            Assert.True(store.TryRead(Key("1"), TwelveHours, out _, null));
        }

        // --- pruning -------------------------------------------------------------------------------------------

        [Fact]
        public async Task Prune_RemovesOnlyOldEntries_AtMostOncePerDay_AcrossInstances()
        {
            Write(NewStore(), Key("old"), Body("old"), T0.AddDays(-31));
            Write(NewStore(), Key("young"), Body("young"), T0.AddDays(-29));

            await NewStore().PruneInBackground(TimeSpan.FromDays(30));

            Assert.False(File.Exists(NewStore().EntryPath(Key("old"))));
            Assert.True(File.Exists(NewStore().EntryPath(Key("young"))));

            // Another old entry appears; within the day no prune runs, whichever instance (process) asks.
            Write(NewStore(), Key("old-2"), Body("old-2"), T0.AddDays(-40));
            _now = T0.AddHours(23);
            await NewStore().PruneInBackground(TimeSpan.FromDays(30));
            Assert.True(File.Exists(NewStore().EntryPath(Key("old-2"))));

            _now = T0.AddDays(1);
            await NewStore().PruneInBackground(TimeSpan.FromDays(30));
            Assert.False(File.Exists(NewStore().EntryPath(Key("old-2"))));
            Assert.True(File.Exists(NewStore().EntryPath(Key("young"))));
        }

        [Fact]
        public async Task Prune_UsesThirtyDaysByDefault()
        {
            Write(NewStore(), Key("old"), Body("old"), T0.AddDays(-30).AddMinutes(-1));
            Write(NewStore(), Key("young"), Body("young"), T0.AddDays(-30).AddMinutes(1));

            await NewStore().PruneInBackground();

            Assert.False(File.Exists(NewStore().EntryPath(Key("old"))));
            Assert.True(File.Exists(NewStore().EntryPath(Key("young"))));
        }

        [Fact]
        public async Task Prune_OfAMissingStore_CreatesNothing()
        {
            await NewStore().PruneInBackground(TimeSpan.FromDays(30));

            Assert.False(Directory.Exists(StorePath));
        }

        // --- the key -------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("?token=S3cr3t")]
        [InlineData("?oAuthorId=1&Token=S3cr3t")]
        [InlineData("?oAuthorId=1&%74oken=S3cr3t")]
        public void Store_RefusesAKeyThatHoldsAToken_AndWritesNothing(string query)
        {
            LocalAnswerStore store = NewStore();

            Assert.False(store.TryWrite(Path90 + query, 200, Body("x"), T0, out string? problem));
            Assert.DoesNotContain(TestSupport.TokenMarker, problem);
            Assert.False(store.TryRead(Path90 + query, TwelveHours, out _, null));
            Assert.False(Directory.Exists(StorePath));
        }

        [UnsupportedOSPlatform("windows")]

        [UnixFact]
        public void DefaultDirectory_FollowsXdgCacheHome_WhenAbsolute()
        {
            string? saved = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            try
            {
                Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/var/tmp/xdg-cache");
                Assert.Equal("/var/tmp/xdg-cache/JustOneApi.Xingtu", LocalAnswerStore.DefaultDirectory());

                Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "relative/cache");
                string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                Assert.Equal(Path.Combine(home, ".cache", "JustOneApi.Xingtu"), LocalAnswerStore.DefaultDirectory());
            }
            finally
            {
                Environment.SetEnvironmentVariable("XDG_CACHE_HOME", saved);
            }
        }
    }
}
