using System;
using System.IO;
using System.Security.Cryptography;

namespace JustOneApi.Xingtu.Store
{
    /// <summary>
    /// One entry file, self-checking so that a damaged, cut or foreign file is told apart from an answer:
    /// <code>
    /// offset  size  field
    ///      0     4  magic "XTAS" (58 54 41 53)
    ///      4     4  format version, int32 little-endian, 1
    ///      8     8  FetchedAt, int64 little-endian, Unix time in milliseconds, UTC
    ///     16     4  HTTP status, int32 little-endian
    ///     20     4  key length K in bytes, int32 little-endian, 1..65536
    ///     24     4  body length B in bytes, int32 little-endian, 0 or more
    ///     28     K  the full key, UTF-8
    ///   28+K     B  the body, as received
    /// 28+K+B    32  SHA-256 of every byte before it
    /// </code>
    /// The file is exactly 60+K+B bytes long, so a cut is seen from the header alone; the checksum catches the rest.
    /// </summary>
    internal static class EntryFormat
    {
        public const string Extension = ".entry";
        public const int HeaderLength = 28;
        public const int ChecksumLength = 32;
        public const int MaxKeyBytes = 65536;
        private const int Version = 1;
        private static readonly byte[] Magic = { 0x58, 0x54, 0x41, 0x53 };
        internal static readonly long MinUnixMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
        internal static readonly long MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

        /// <summary>The header followed by the key: everything the file holds before the body.</summary>
        public static byte[] Prefix(byte[] key, int httpStatus, int bodyLength, DateTimeOffset fetchedAt)
        {
            var prefix = new byte[HeaderLength + key.Length];
            Buffer.BlockCopy(Magic, 0, prefix, 0, Magic.Length);
            WriteInt32(prefix, 4, Version);
            WriteInt64(prefix, 8, fetchedAt.ToUnixTimeMilliseconds());
            WriteInt32(prefix, 16, httpStatus);
            WriteInt32(prefix, 20, key.Length);
            WriteInt32(prefix, 24, bodyLength);
            Buffer.BlockCopy(key, 0, prefix, HeaderLength, key.Length);
            return prefix;
        }

        /// <summary>
        /// Reads and checks the header of the entry in <paramref name="stream"/> (positioned at its start) against the
        /// stream's length: null when it is sound, else why not.
        /// </summary>
        public static string? ReadHeader(Stream stream, out Header parsed)
        {
            var header = new byte[HeaderLength];
            long length = stream.Length;
            if (length >= HeaderLength && !ReadExactly(stream, header, HeaderLength))
            {
                parsed = default;
                return Texts.L(Texts.EntryCutShort);
            }

            return CheckHeader(header, length, out parsed);
        }

        private static string? CheckHeader(byte[] header, long fileLength, out Header parsed)
        {
            parsed = default;
            if (fileLength < HeaderLength + ChecksumLength)
            {
                return fileLength == 0 ? Texts.L(Texts.EntryEmpty) : Texts.Format(Texts.EntryCutShortBytes, fileLength);
            }

            for (int i = 0; i < Magic.Length; i++)
            {
                if (header[i] != Magic[i])
                {
                    return Texts.L(Texts.EntryNotAnEntry);
                }
            }

            int version = ReadInt32(header, 4);
            if (version != Version)
            {
                return Texts.Format(Texts.EntryOtherVersion, version, Version);
            }

            long fetchedAt = ReadInt64(header, 8);
            int keyLength = ReadInt32(header, 20);
            int bodyLength = ReadInt32(header, 24);
            if (fetchedAt < MinUnixMs || fetchedAt > MaxUnixMs || keyLength < 1 || keyLength > MaxKeyBytes || bodyLength < 0)
            {
                return Texts.L(Texts.EntryHeaderDamaged);
            }

            if ((long)HeaderLength + keyLength + bodyLength + ChecksumLength != fileLength)
            {
                return Texts.Format(Texts.EntryLengthMismatch, fileLength);
            }

            parsed = new Header(header, DateTimeOffset.FromUnixTimeMilliseconds(fetchedAt), ReadInt32(header, 16), keyLength, bodyLength);
            return null;
        }

        /// <summary>
        /// Reads a whole entry from <paramref name="stream"/> (positioned at its start): the answer when the entry is
        /// sound and holds <paramref name="key"/>, else null and why. The body is not read when the key differs.
        /// </summary>
        public static StoredAnswer? Read(Stream stream, byte[] key, out string? problem)
        {
            problem = ReadHeader(stream, out Header parsed);
            if (problem != null)
            {
                return null;
            }

            var storedKey = new byte[parsed.KeyLength];
            var body = new byte[parsed.BodyLength];
            var checksum = new byte[ChecksumLength];
            if (!ReadExactly(stream, storedKey, storedKey.Length))
            {
                problem = Texts.L(Texts.EntryCutShort);
                return null;
            }

            if (!SameBytes(storedKey, key))
            {
                problem = Texts.L(Texts.EntryOtherKey);
                return null;
            }

            if (!ReadExactly(stream, body, body.Length) || !ReadExactly(stream, checksum, checksum.Length))
            {
                problem = Texts.L(Texts.EntryCutShort);
                return null;
            }

            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                hash.AppendData(parsed.Bytes);
                hash.AppendData(storedKey);
                hash.AppendData(body);
                if (!SameBytes(hash.GetHashAndReset(), checksum))
                {
                    problem = Texts.L(Texts.EntryChecksumMismatch);
                    return null;
                }
            }

            return new StoredAnswer(body, parsed.HttpStatus, parsed.FetchedAt);
        }

        /// <summary>Writes a whole entry: the prefix, the body, then the checksum of both.</summary>
        public static void Write(Stream stream, byte[] prefix, byte[] body)
        {
            byte[] checksum;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                hash.AppendData(prefix);
                hash.AppendData(body);
                checksum = hash.GetHashAndReset();
            }

            stream.Write(prefix, 0, prefix.Length);
            stream.Write(body, 0, body.Length);
            stream.Write(checksum, 0, checksum.Length);
        }

        private static bool ReadExactly(Stream stream, byte[] buffer, int count)
        {
            int done = 0;
            while (done < count)
            {
                int read = stream.Read(buffer, done, count - done);
                if (read == 0)
                {
                    return false;
                }

                done += read;
            }

            return true;
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static void WriteInt32(byte[] buffer, int offset, int value)
        {
            for (int i = 0; i < 4; i++)
            {
                buffer[offset + i] = (byte)(value >> (8 * i));
            }
        }

        private static void WriteInt64(byte[] buffer, int offset, long value)
        {
            for (int i = 0; i < 8; i++)
            {
                buffer[offset + i] = (byte)(value >> (8 * i));
            }
        }

        private static int ReadInt32(byte[] buffer, int offset)
        {
            int value = 0;
            for (int i = 3; i >= 0; i--)
            {
                value = (value << 8) | buffer[offset + i];
            }

            return value;
        }

        private static long ReadInt64(byte[] buffer, int offset)
        {
            long value = 0;
            for (int i = 7; i >= 0; i--)
            {
                value = (value << 8) | buffer[offset + i];
            }

            return value;
        }

        /// <summary>What an entry's header says.</summary>
        internal readonly struct Header
        {
            public Header(byte[] bytes, DateTimeOffset fetchedAt, int httpStatus, int keyLength, int bodyLength)
            {
                Bytes = bytes;
                FetchedAt = fetchedAt;
                HttpStatus = httpStatus;
                KeyLength = keyLength;
                BodyLength = bodyLength;
            }

            /// <summary>The header as read, for the checksum.</summary>
            public byte[] Bytes { get; }

            public DateTimeOffset FetchedAt { get; }

            public int HttpStatus { get; }

            public int KeyLength { get; }

            public int BodyLength { get; }
        }
    }
}
