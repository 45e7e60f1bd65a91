using System;
using System.Collections.Generic;
using System.Linq;

namespace JustOneApi.Xingtu
{
    /// <summary>
    /// A creator's Xingtu profile (gw/api/author/get_author_base_info/v1): who the KOL is. Every value is as sent; a
    /// value the API left out, sent as null or empty is null, never 0. Immutable.
    /// </summary>
    public sealed class KolProfile
    {
        private readonly IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> _tags;

        internal KolProfile(
            string kolId,
            string? nickName,
            long? followers,
            string? province,
            string? city,
            long? gender,
            string? shortId,
            string? uniqueId,
            string? secUid,
            string? mcnName,
            IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>? tags,
            IReadOnlyList<string>? contentThemes,
            string? avatarUri,
            long? grade,
            string? requestId,
            DateTimeOffset fetchedAt,
            bool fromLocalCache)
        {
            KolId = kolId;
            NickName = nickName;
            Followers = followers;
            Province = province;
            City = city;
            Gender = gender;
            ShortId = shortId;
            UniqueId = uniqueId;
            SecUid = secUid;
            McnName = mcnName;
            _tags = tags ?? Array.Empty<KeyValuePair<string, IReadOnlyList<string>>>();
            Tags = TagText(_tags);
            ContentThemes = contentThemes == null || contentThemes.Count == 0 ? null : string.Join(", ", contentThemes);
            AvatarUri = avatarUri;
            Grade = grade;
            RequestId = requestId;
            FetchedAt = fetchedAt;
            FromLocalCache = fromLocalCache;
        }

        /// <summary>The Xingtu author id the request was for, as sent (normalised).</summary>
        public string KolId { get; }

        /// <summary>The display name (nick_name), exactly as sent: it may hold emoji and any character.</summary>
        public string? NickName { get; }

        /// <summary>Followers (follower). Count.</summary>
        public long? Followers { get; }

        /// <summary>Province (province). Text.</summary>
        public string? Province { get; }

        /// <summary>City (city). Text.</summary>
        public string? City { get; }

        /// <summary>Gender (gender), the number as sent: public tools disagree on what 1 and 2 mean, so it is not mapped.</summary>
        public long? Gender { get; }

        /// <summary>The Douyin number shown on the profile, 抖音号 (short_id).</summary>
        public string? ShortId { get; }

        /// <summary>A custom Douyin id (unique_id).</summary>
        public string? UniqueId { get; }

        /// <summary>The Douyin user key (sec_uid) that the Douyin page's address is built from.</summary>
        public string? SecUid { get; }

        /// <summary>The MCN agency (mcn_name); null when independent.</summary>
        public string? McnName { get; }

        /// <summary>The content categories (tags_relation) as text: <c>美妆: 护肤, 彩妆; 生活: 日常</c>.</summary>
        public string? Tags { get; }

        /// <summary>The content themes (content_theme_labels), joined with ", ".</summary>
        public string? ContentThemes { get; }

        /// <summary>The avatar image key (avatar_uri), not a full address.</summary>
        public string? AvatarUri { get; }

        /// <summary>The Xingtu level (grade), shown on the page as LV{grade}.</summary>
        public long? Grade { get; }

        /// <summary>The creator's Douyin page, built from SecUid; null without one.</summary>
        public string? DouyinUrl => SecUid == null ? null : "https://www.douyin.com/user/" + Uri.EscapeDataString(SecUid);

        /// <summary>The creator's Xingtu page.</summary>
        public string XingtuUrl => "https://www.xingtu.cn/ad/creator/author/douyin/" + Uri.EscapeDataString(KolId);

        /// <summary>The envelope's requestId: quote it in a support ticket.</summary>
        public string? RequestId { get; }

        /// <summary>When the answer was received from the API (UTC); for an answer from the local store, when it was first received.</summary>
        public DateTimeOffset FetchedAt { get; }

        /// <summary>True when the answer came from the local answer store, so it cost nothing.</summary>
        public bool FromLocalCache { get; }

        /// <summary>The content categories as sent: each first-level tag with its second-level tags, in order.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> GetTags() =>
            _tags.GroupBy(tag => tag.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => (IReadOnlyList<string>)group.SelectMany(tag => tag.Value).ToList(), StringComparer.Ordinal);

        /// <summary>The name and id, for a quick look.</summary>
        public override string ToString() => (NickName ?? string.Empty) + " (" + KolId + ")";

        private static string? TagText(IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> tags)
        {
            if (tags.Count == 0)
            {
                return null;
            }

            return string.Join("; ", tags.Select(tag => tag.Value.Count == 0 ? tag.Key : tag.Key + ": " + string.Join(", ", tag.Value)));
        }
    }
}
