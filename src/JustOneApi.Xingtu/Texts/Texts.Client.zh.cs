using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu
{
    /// <summary>The Simplified Chinese of Texts.Client.cs, keyed by the English source; the holes are the same.</summary>
    internal static partial class Texts
    {
        private static Dictionary<string, string> ClientChinese() => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ClientFetchingFromSuccessor] = "{0}：/{1} 已移除；改从 /{2} 获取。",
            [ClientAfterStopKept] = "{0}：在停止后得到应答；已保存在本地存储中，不输出。",
            [ClientAfterStopDropped] = "{0}：在停止后得到应答；未保存，也不重试。",
            [ClientRetryAfterTooLong] = "{0} API 要求 {1:0} 秒后重试，超过了本模块的最长等待时间（{2:0} 分钟）。",
            [ClientRetrying] = "{0}：{1} {4:0.##} 秒后进行第 {2} 次重试（共 {3} 次）。",
            [ClientGetAttempt] = "GET {0}（第 {1} 次尝试）",
            [ClientAnswered] = "{0}：HTTP {1}，{2} 字节，用时 {3} 毫秒。",
            [ClientFromStore] = "{0}：来自本地存储（获取于 {1}）；没有发送请求。",
            [ClientStoreNotWritten] = "无法写入本地存储。",
            [ClientNoAnswer] = "{0} 没有得到应答：{1}",
            [ClientUnexpected] = "意外的 {0} 中止了 {1} 的请求。请报告此问题。",
            [TransportTimeout] = "{0:0.###} 秒内没有收到完整应答（TimeoutSec）；服务器可能仍已应答并计费。",
            [TransportConnectionFailed] = "连接失败：{0}",
            [TransportCutShort] = "应答在达到其声明的长度之前就结束了。",
            [EntryCutShort] = "它被截断了",
            [EntryEmpty] = "它是空的",
            [EntryCutShortBytes] = "它被截断了（{0} 字节）",
            [EntryNotAnEntry] = "它不是存储条目（没有 XTAS 头）",
            [EntryOtherVersion] = "其格式版本 {0} 不是 {1}",
            [EntryHeaderDamaged] = "其头部已损坏",
            [EntryLengthMismatch] = "其长度（{0} 字节）与头部不符（被截断或已损坏）",
            [EntryOtherKey] = "其中存的是另一个键",
            [EntryChecksumMismatch] = "其校验和不符（已损坏）",
            [StoreFolderEmpty] = "本地存储的文件夹路径为空。",
            [StoreFolderNotPrivate] = "本地存储文件夹 {0} {1}：任何能写入该文件夹的人都可以放入伪造的应答，这些应答会在不发送请求的情况下被使用，因此本地存储既不读取也不写入该文件夹。请只让自己使用它（chmod 700），或用 Set-XingtuConfiguration -LocalCachePath 指向你自己的文件夹。",
            [StoreFolderForeign] = "文件夹 {0} 中有不是本模块创建的文件，且没有 {1} 文件，因此本地存储既不读取也不写入该文件夹。请用 Set-XingtuConfiguration -LocalCachePath 指向一个新文件夹（本地存储会创建它），或清空该文件夹。",
            [StoreFolderUncheckable] = "无法检查本地存储文件夹 {0}：{1}",
            [StoreEntryUnreadable] = "本地存储：无法读取 {0} 的条目（{1}）；改为重新获取。",
            [StoreEntryUnusable] = "本地存储：{0} 的条目（{1}）不可用，{2}；{3}。",
            [StoreEntryRemoved] = "已将其删除",
            [StoreEntryNotRemoved] = "无法将其删除",
            [StoreNoKeyOrBody] = "本地存储没有收到键或应答正文。",
            [StoreKeyHoldsToken] = "本地存储拒绝含有 token 的键。",
            [StoreKeyTooLong] = "本地存储拒绝长于 64 KiB 的键。",
            [StoreWriteFailed] = "无法写入位于 {0} 的本地存储：{1}",
            [StoreOlderThanNegative] = "OlderThan 不能为负数。",
            [StoreNothingDeleted] = "{0} 没有删除任何内容。",
            [StoreClearAll] = "全部 {0} 个条目",
            [StoreClearOlder] = "获取时间早于 {1} 的 {0} 个条目",
            [StoreClearAbandoned] = "{0}，以及 {1} 个未完成写入的临时文件",
            [StoreClearIn] = "{1} 中的{0}",
            [BaseUriInvalid] = "基础 URI 不是不带查询字符串或凭据的绝对 http:// 或 https:// URI，例如 https://api.justoneapi.com。",
            [BaseUriVariableUnusable] = "环境变量 {0} 不可用：{1}",
            [StoredTokenUnreadable] = "无法读取 {0} 中保存的 token（{1}）。请用 Set-XingtuToken -Persist 重新保存，或用 Clear-XingtuToken 删除它。",
            [DpapiEncryptFailed] = "DPAPI 无法加密 token。",
            [DpapiDecryptFailed] = "DPAPI 无法解密保存的 token；请用 Set-XingtuToken -Persist 重新保存。",
            [FolderOtherOwner] = "属于另一个用户（uid {0}，不是 {1}）",
            [FolderWritableByOthers] = "可被组或其他用户写入（模式 {0}）",
            [PermissionsNotRestricted] = "无法限制 '{0}' 的权限。",
        };
    }
}
