using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu
{
    /// <summary>The Simplified Chinese of Texts.Model.cs, keyed by the English source; the holes are the same.</summary>
    internal static partial class Texts
    {
        private static Dictionary<string, string> ModelChinese() => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AnswerTooLarge] = "API 对 {0} 返回了 HTTP {1}，附带的应答体太大，不可能是结果，因此没有读取。",
            [AnswerBrokeOff] = "API 对 {0} 的应答（HTTP {1}）中途断开：{2} 由于可能已经计费，没有重试。",
            [AnswerNotResult] = "API 对 {0} 返回了 HTTP {1}，附带{2}，不是结果。",
            [AnswerHttpFailed] = "API 对 {0} 返回了 HTTP {1}，附带{2}。",
            [BodyEmpty] = "空的应答体",
            [BodyNotJson] = "不是有效 JSON 的应答体",
            [BodyNotEnvelope] = "不符合 API 应答格式的 JSON",
            [BodyNotUnicode] = "不是有效 Unicode 的字符串",
            [UpstreamFailed] = "星图处理 {0} 失败（base_resp 状态 {1}：{2}）。此次调用计费。",
            [UpstreamNoMessage] = "无说明",
            [AnswerUnreadable] = "API 对 {0} 返回了代码 0，但{1}。此次调用计费。",
            [NoDataObject] = "没有 data 对象",
            [FieldNotWholeNumber] = "{0} = '{1}' 不是范围内的整数",
            [FieldNotNumberInRange] = "{0} = '{1}' 不是范围内的数字",
            [FieldNotFlag] = "{0} 不是 true 或 false",
            [FieldNotArray] = "{0} 是 JSON {1}，不是数组",
            [FieldNotObject] = "{0} 是 JSON {1}，不是对象",
            [FieldNotNumber] = "{0} 是 JSON {1}，不是数字",
            [ItemNotObject] = "{0} 不是对象",
            [ItemNotText] = "{0} 含有 JSON {1}，不是文本",
            [PathEmpty] = "路径为空。请给出接口路径，例如 /api/douyin-xingtu/gw/api/author/get_author_base_info/v1。",
            [PathHasAddress] = "路径 '{0}' 含有协议、主机或端口。请只给出接口路径，例如 /api/douyin-xingtu/...；地址来自 Set-XingtuConfiguration，这样 token 只会发送到那里。",
            [PathOtherHost] = "路径 '{0}' 可能指向别的主机。请只给出接口路径，例如 /api/douyin-xingtu/...",
            [PathHasQuery] = "路径 '{0}' 含有查询字符串。请用 -Query（哈希表或对象）传入查询参数，这样它们会被转义并检查。",
            [PathBadSegment] = "路径 '{0}' 含有空的、'.' 或 '..' 路径段。请按 API 文档给出接口路径。",
            [PathBadCharacter] = "路径 '{0}' 含有字符 '{1}'（U+{2:X4}）。接口路径只能含有字母、数字、'-'、'_'、'.' 和 '/'。",
            [RequiredParameter] = "{0}（必填）",
            [KolIdBadLink] = "KolId '{0}' 看起来像链接，但不是有效的网址，因此其中没有星图作者 ID。请传入 ID 本身（约 19 位数字），或该达人在 xingtu.cn 上主页的链接。它没有被发送。",
            [KolIdOtherScheme] = "KolId '{0}' 是协议为 {1} 的链接，不是网页：只有星图达人主页的链接（https://www.xingtu.cn/...）才含有星图作者 ID。它没有被发送。",
            [KolIdManyRuns] = "KolId '{0}' 是星图链接，但其路径中有 {1} 段 10 位或以上的连续数字（{2}），无法确定哪一段是作者 ID。请传入作者 ID 本身。它没有被发送。",
            [CharByteOrderMark] = "{0}（字节顺序标记）",
            [CharControl] = "{0}（控制字符）",
            [CharFormat] = "{0}（不可见的格式字符）",
            [CharOtherSpace] = "{0}（普通空格以外的空白字符）",
            [FlowTypeNotV2] = "FlowType '{0}' 无法发送到 V2 传播数据接口，它只接受 Exclude 或 Include；KOL '{1}' 没有被获取。",
        };
    }
}
