namespace JustOneApi.Xingtu
{
    /// <summary>The runtime texts of the client, transport, local store and configuration (Client/, Transport/, Store/, Configuration/); their Chinese is in Texts.Client.zh.cs.</summary>
    internal static partial class Texts
    {
        // Client: the -Verbose lines of a fetch, and the messages of a fetch that failed.

        /// <summary>{0} the row, {1} the removed path, {2} its successor's path.</summary>
        public const string ClientFetchingFromSuccessor = "{0}: /{1} is gone; fetching it from /{2}.";

        /// <summary>{0} the row.</summary>
        public const string ClientAfterStopKept = "{0}: answered after the stop; kept in the local store, not written.";

        /// <summary>{0} the row.</summary>
        public const string ClientAfterStopDropped = "{0}: answered after the stop; not kept, not retried.";

        /// <summary>{0} the answer's error, {1} the seconds the API asked to wait, {2} the most minutes the module waits.</summary>
        public const string ClientRetryAfterTooLong = "{0} The API asked to retry after {1:0} s, longer than this module waits ({2:0} min).";

        /// <summary>{0} the row, {1} the answer's error, {2} this retry's number, {3} how many retries there may be, {4} the seconds until it.</summary>
        public const string ClientRetrying = "{0}: {1} Retry {2} of {3} in {4:0.##} s.";

        /// <summary>{0} the request's URL, token masked, {1} the attempt's number (2 or more).</summary>
        public const string ClientGetAttempt = "GET {0} (attempt {1})";

        /// <summary>{0} the row, {1} the HTTP status, {2} the body's length in bytes, {3} the milliseconds it took.</summary>
        public const string ClientAnswered = "{0}: HTTP {1}, {2} bytes in {3} ms.";

        /// <summary>{0} the row, {1} when the kept answer was fetched (UTC).</summary>
        public const string ClientFromStore = "{0}: served from the local store (fetched {1}); nothing sent.";

        public const string ClientStoreNotWritten = "The local store could not be written.";

        /// <summary>{0} the row, {1} what the transport said (token-free).</summary>
        public const string ClientNoAnswer = "No answer for {0}: {1}";

        /// <summary>{0} the exception's type name, {1} the row.</summary>
        public const string ClientUnexpected = "An unexpected {0} stopped the request for {1}. Please report it.";

        // Transport.

        /// <summary>{0} the -TimeoutSec in force, in seconds.</summary>
        public const string TransportTimeout = "No complete answer within {0:0.###} s (TimeoutSec); the server may still have answered, and billed, it.";

        /// <summary>{0} what the network stack said (token-free).</summary>
        public const string TransportConnectionFailed = "The connection failed: {0}";

        public const string TransportCutShort = "The answer ended before its declared length.";

        // Store: why an entry is unusable; each a part of StoreEntryUnusable ("... is unusable, {2}; ...").

        public const string EntryCutShort = "it is cut short";

        public const string EntryEmpty = "it is empty";

        /// <summary>{0} the file's length.</summary>
        public const string EntryCutShortBytes = "it is cut short ({0} bytes)";

        public const string EntryNotAnEntry = "it is not an entry (no XTAS header)";

        /// <summary>{0} the entry's format version, {1} the module's.</summary>
        public const string EntryOtherVersion = "its format version {0} is not {1}";

        public const string EntryHeaderDamaged = "its header is damaged";

        /// <summary>{0} the file's length.</summary>
        public const string EntryLengthMismatch = "its length ({0} bytes) does not match its header (cut short or damaged)";

        public const string EntryOtherKey = "it holds another key";

        public const string EntryChecksumMismatch = "its checksum does not match (damaged)";

        // Store: the store's folder, reads, writes and Clear-XingtuLocalCache.

        public const string StoreFolderEmpty = "The local store's folder is empty.";

        /// <summary>{0} the folder, {1} why it is not private (FolderOtherOwner or FolderWritableByOthers).</summary>
        public const string StoreFolderNotPrivate =
            "The local store folder {0} {1}: anyone who can write there could plant answers that would be served with nothing sent, so the store neither reads nor writes there. Keep it to yourself (chmod 700), or point Set-XingtuConfiguration -LocalCachePath at a folder of your own.";

        /// <summary>{0} the folder, {1} the marker file's name.</summary>
        public const string StoreFolderForeign =
            "The folder {0} holds files the module did not make and has no {1} file, so the local store neither reads nor writes there. Point Set-XingtuConfiguration -LocalCachePath at a new folder (the store creates it), or empty that folder.";

        /// <summary>{0} the folder, {1} .NET's message.</summary>
        public const string StoreFolderUncheckable = "The local store folder {0} cannot be checked: {1}";

        /// <summary>{0} the store's key, {1} .NET's message.</summary>
        public const string StoreEntryUnreadable = "Local store: the entry for {0} could not be read ({1}); fetching it instead.";

        /// <summary>{0} the store's key, {1} the entry's file name, {2} what is wrong with it (an Entry* text), {3} StoreEntryRemoved or StoreEntryNotRemoved.</summary>
        public const string StoreEntryUnusable = "Local store: the entry for {0} ({1}) is unusable, {2}; {3}.";

        public const string StoreEntryRemoved = "removed it";

        public const string StoreEntryNotRemoved = "could not remove it";

        public const string StoreNoKeyOrBody = "The local store was given no key or no body.";

        public const string StoreKeyHoldsToken = "The local store refuses a key that holds a token.";

        public const string StoreKeyTooLong = "The local store refuses a key longer than 64 KiB.";

        /// <summary>{0} the folder, {1} .NET's message.</summary>
        public const string StoreWriteFailed = "The local store at {0} could not be written: {1}";

        public const string StoreOlderThanNegative = "OlderThan cannot be negative.";

        /// <summary>{0} why the folder is refused.</summary>
        public const string StoreNothingDeleted = "{0} Nothing was deleted.";

        /// <summary>{0} how many entries (the -WhatIf and -Confirm target of Clear-XingtuLocalCache, with StoreClearIn).</summary>
        public const string StoreClearAll = "all {0} entries";

        /// <summary>{0} how many entries, {1} the cutoff (UTC).</summary>
        public const string StoreClearOlder = "{0} entries fetched before {1}";

        /// <summary>{0} the entries (StoreClearAll or StoreClearOlder), {1} how many temporary files.</summary>
        public const string StoreClearAbandoned = "{0} and {1} temporary files of unfinished writes";

        /// <summary>{0} what would be removed, {1} the store's folder.</summary>
        public const string StoreClearIn = "{0} in {1}";

        // Configuration.

        public const string BaseUriInvalid = "The base URI is not an absolute http:// or https:// URI without a query or credentials, such as https://api.justoneapi.com.";

        /// <summary>{0} the environment variable, {1} what is wrong with its value.</summary>
        public const string BaseUriVariableUnusable = "The environment variable {0} is not usable: {1}";

        /// <summary>{0} the token file, {1} .NET's message.</summary>
        public const string StoredTokenUnreadable = "The stored token in {0} could not be read ({1}). Store it again with Set-XingtuToken -Persist, or remove it with Clear-XingtuToken.";

        public const string DpapiEncryptFailed = "DPAPI could not encrypt the token.";

        public const string DpapiDecryptFailed = "DPAPI could not decrypt the stored token; store it again with Set-XingtuToken -Persist.";

        /// <summary>{0} the folder's owner's uid, {1} this user's (a part of StoreFolderNotPrivate, after the folder).</summary>
        public const string FolderOtherOwner = "is owned by another user (uid {0}, not {1})";

        /// <summary>{0} the folder's mode, in octal (a part of StoreFolderNotPrivate, after the folder).</summary>
        public const string FolderWritableByOthers = "is writable by group or others (mode {0})";

        /// <summary>{0} the file or folder.</summary>
        public const string PermissionsNotRestricted = "Could not restrict the permissions of '{0}'.";
    }
}
