using System;

namespace JustOneApi.Xingtu
{
    /// <summary>What the local answer store holds, as Get-XingtuLocalCache shows it.</summary>
    public sealed class LocalCacheInfo
    {
        internal LocalCacheInfo(string path, int entryCount, long totalBytes, DateTimeOffset? oldest, DateTimeOffset? newest)
        {
            Path = path;
            EntryCount = entryCount;
            TotalBytes = totalBytes;
            Oldest = oldest;
            Newest = newest;
        }

        /// <summary>The store's folder.</summary>
        public string Path { get; }

        /// <summary>Entries whose header is intact (a damaged one is not counted; it is removed when read).</summary>
        public int EntryCount { get; }

        /// <summary>The size on disk in bytes: the length of every file under the folder: entries, damaged entries, unfinished writes, the marker.</summary>
        public long TotalBytes { get; }

        /// <summary>The earliest FetchedAt of an entry (UTC), or null when there is none.</summary>
        public DateTimeOffset? Oldest { get; }

        /// <summary>The latest FetchedAt of an entry (UTC), or null when there is none.</summary>
        public DateTimeOffset? Newest { get; }
    }
}
