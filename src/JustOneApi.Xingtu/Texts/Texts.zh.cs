using System;
using System.Collections.Generic;

namespace JustOneApi.Xingtu
{
    /// <summary>The Simplified Chinese texts, keyed by their English source; the holes are the same.</summary>
    internal static partial class Texts
    {
        /// <summary>Every area's table in one; an English text given twice fails the type's first use (and the tests).</summary>
        private static readonly Dictionary<string, string> Chinese = Merge(BatchChinese(), ModelChinese(), ClientChinese(), CommandsChinese());

        /// <summary>The table's English texts as objects, compared by reference (see <see cref="Format"/>); after Chinese, in this file, so it is built from it.</summary>
        private static readonly HashSet<string> TextObjects = new HashSet<string>(Chinese.Keys, SameObject.Instance);

        private static Dictionary<string, string> Merge(params Dictionary<string, string>[] tables)
        {
            var all = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Dictionary<string, string> table in tables)
            {
                foreach (KeyValuePair<string, string> pair in table)
                {
                    all.Add(pair.Key, pair.Value);
                }
            }

            return all;
        }

        /// <summary>The batch's own texts: stops, codes, summaries, input rows and ids (Texts.cs).</summary>
        private static Dictionary<string, string> BatchChinese() => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StopSummary] = "{0} 批量已停止：停止前已完成 {1} 个{2}（其中 {3} 个出错）；{2} '{4}' {5}；{6}；{7}。其余输入未读取，也没有再发送任何请求。{8}",
            [StopHitCode] = "返回代码 {0}",
            [StopHitStatus] = "返回 HTTP {0}",
            [StopHitConnection] = "无法连接",
            [InFlightKept] = "正在进行的请求在停止后得到应答，已保存在本地存储中（此处不输出；重新运行时直接使用，不再发送请求）",
            [InFlightCut] = "正在进行的请求被中断（已发送，应答被丢弃）",
            [NoneInFlight] = "没有正在进行的请求",
            [Queued] = "排队中的请求未发送",
            [NoneQueued] = "没有排队中的请求",
            [NamedRows] = "{0} 个{1}：{2}：{3}{4}",
            [StoreRefused] = "本地存储未被使用（见关于其文件夹的警告），因此重新运行会重新获取每一行，并再次付费。",
            [StoreOff] = "本地存储已关闭（Set-XingtuConfiguration -LocalCacheEnabled $false），因此重新运行会重新获取每一行，并再次付费。",
            [Resume] = "要继续，请用相同的输入{0}再次运行同一命令：已收到的应答保存在本地存储中（{1}），因此只会获取剩余部分并计费。{2}",
            [ResumeWithin] = "在 {0} 内",
            [ResumeWithMaxAge] = "并加上 -MaxAge 12:00:00（本次调用没有读取本地存储）",
            [SameCommand] = "（同一命令）",
            [V1Gone] = "V1 传播数据接口已移除（{1} 返回 HTTP {0}，不计费）：请使用 -Endpoint V2 或 Auto，或运行 Set-XingtuConfiguration -SpreadEndpoint Auto。{2}",
            [ProxyConnectionFailed] = "无法连接代理 {0}：{1}",
            [ProxyAuthenticationRequired] = "代理要求提供凭据，或拒绝了所给的凭据（HTTP 407 Proxy Authentication Required），发生在 {0}；没有任何请求到达 API，也没有任何计费。请用 Set-XingtuConfiguration -Proxy <地址> -ProxyCredential (Get-Credential) 设置凭据，或用 -ProxyUseDefaultCredentials 使用 Windows 集成身份验证，然后再次运行该命令。",
            [ProxyUnreachable] = "尝试 {1} 次后仍无法为 {0} 连接代理，因此任何请求都无法到达 API：{2} 请检查用 Set-XingtuConfiguration -Proxy 设置的地址（Get-XingtuConfiguration 会显示它），或用 -NoProxy 不经过代理。",
            [PlainHttpThroughProxy] = " 它还会随 URL 经过代理 {0}，代理可以读取并记录它。",
            [ProxyAddressInvalid] = "代理不是带主机和端口的绝对 http:// 地址，例如 http://proxy.example.com:8080；用户名请用 -ProxyCredential 提供，不要写在地址中。",
            [ProxyWithNoProxy] = "-NoProxy 不能与 -Proxy 同时使用：请二选一。",
            [ProxyTwoCredentials] = "-ProxyCredential 和 -ProxyUseDefaultCredentials 不能同时使用：请二选一。",
            [ProxyOptionsNeedProxy] = "-ProxyCredential、-ProxyUseDefaultCredentials 和 -ProxyBypassList 作用于用 -Proxy 设置的代理；请在同一次调用中指定 -Proxy，或先设置它。",
            [V1GoneBefore] = "-Endpoint V1 无法使用：V1 传播数据接口在本会话中已被判定为移除，因此没有发送任何请求。请使用 -Endpoint V2 或 Auto（默认值），或运行 Set-XingtuConfiguration -SpreadEndpoint Auto。",
            [UnitKol] = " KOL",
            [UnitRequest] = "请求",
            [Code100] = "API 拒绝了 token（代码 100：无效或未激活），发生在 {0}。请检查 token，然后用 Set-XingtuToken 或环境变量 JUSTONEAPI_TOKEN 设置。{1}",
            [Code303] = "今日配额已用完（代码 303），发生在 {0}。今天其他请求都不会成功：请等待配额重置，或向 Just One API 提高配额。{1}",
            [Code600] = "权限被拒绝（代码 600），发生在 {0}：此账户无权使用该接口。请向 Just One API 核对账户套餐。{1}",
            [Code601] = "账户余额不足（代码 601），发生在 {0}。请为 Just One API 账户充值，然后重新运行批量。{1}",
            [Code400] = "API 拒绝了 {0} 的参数（代码 400）。{1}",
            [Code201] = "API 没有 {0} 的数据（代码 201：内容为空或未找到）。此次调用计费。{1}",
            [Code301] = "{0} 采集失败（代码 301）。{1}",
            [Code302] = "{0} 超出了 API 的速率限制（代码 302）。请降低 -ThrottleLimit，或用 Set-XingtuConfiguration 设置速率上限。{1}",
            [Code500] = "API 处理 {0} 时发生内部错误（代码 500）。{1}",
            [CodeUnknown] = "API 对 {1} 返回了代码 {0}，其含义未公布。{2}",
            [ApiSaid] = " API 的说明：{0}",
            [NoDataFromStore] = "API 没有 {0} 的数据（代码 201：内容为空或未找到），这是它在 {1} 的应答。该应答来自本地存储：没有再次计费。",
            [InputRow] = "{0}（输入第 {1} 行）",
            [Done] = "完成：{0} 个{1}，{2} 个出错；{3} 个在发送前被拒绝，{4} 个来自本地存储，{5} 个已获取，{6} 个重复行使用了之前请求的结果；用时 {7} 秒。",
            [Anomaly] = "{0}：{1}；该值留空。",
            [StoreProblem] = "{0} 结果仍会输出；之后的运行会重新获取这些应答（并再次付费）。",
            [V1Deprecated] = "Just One API 已将 KOL 数据概览（V1）接口标记为弃用：它可能在以后的版本中被移除。-Endpoint Auto（默认值）会自动切换到其后继接口。",
            [Switched] = "接口 /{0} 在 {2} 返回 HTTP {1}（已移除）。本批次及本会话的其余部分已切换到其后继接口 /{3}。",
            [Garbled] = "输入的列名是乱码（含有 U+FFFD �）：该文件看起来是 GBK 编码（代码页 936，中文版 Windows 上 Excel 保存 CSV 的编码），却被按 UTF-8 读取。请用 Import-Csv -Encoding 936 读取，或在 Excel 中另存为“CSV UTF-8”。",
            [GarbledColumns] = "{0} 列名：{1}。",
            [NoIdColumn] = "输入中没有 ID 列，因此没有发送任何请求。{0}请把该列命名为 {1} 或其别名之一（{2}），或通过管道交给 Select-Object @{{ Name = '{1}'; Expression = {{ $_.YourColumn }} }}。找到的列：{3}。",
            [ColumnsNotSent] = "未发送的列：{0}。{1}（{2}）只接受 {3}。",
            [UnknownKeys] = "查询中含有 {0}，{1} 不接受这些参数。它接受：{2}。",
            [MissingKeys] = "查询缺少 {0}，{1} 要求提供。它接受：{2}。",
            [TokenKey] = "查询中含有 'token' 键。模块会自行添加 token，并且只发送到所配置的地址：请用 Set-XingtuToken 或 -Token 设置。",
            [NothingSent] = "{0}没有为 {1} 发送任何请求。",
            [Normalised] = "KolId '{0}' 已规范化为 '{1}'",
            [GaveUpAfter] = "{0} 尝试 {1} 次后放弃。",
            [GaveUpAfterOne] = "{0} 尝试 {1} 次后放弃。",
            [NoToken] = "未找到 Just One API 的 token，因此没有发送任何请求。请运行 Set-XingtuToken（加 -Persist 可供以后的会话使用），或设置环境变量 {0}，或传入 -Token。",
            [KolIdTooLong] = "KolId 长 {0} 个字符；星图 ID 约为 19 位数字。它没有被发送。",
            [KolIdInvisible] = "KolId '{0}' 中间含有一个不可见字符：第 {2} 个位置的 {1}，是随 ID 一起复制进来的；没有作者的 ID 是这样的。请重新输入该 ID，或删除这个字符。它没有被发送。",
            [KolIdOtherHost] = "KolId '{0}' 是指向 {1} 的链接，不是星图链接：{2}。请打开该达人在 xingtu.cn 上的主页，传入其链接或其中的作者 ID。它没有被发送。",
            [DouyinLink] = "douyin.com 链接中是抖音用户或视频 ID，不是星图作者 ID",
            [OnlyXingtuLink] = "只有星图达人主页（xingtu.cn）的链接才含有星图作者 ID",
            [KolIdNoAuthorInLink] = "KolId '{0}' 是星图链接，但其路径中没有作者 ID（10 位或以上的连续数字）。请传入该达人自己主页的链接，或作者 ID 本身。它没有被发送。",
            [KolIdEmpty] = "KolId 为空。请检查输入中是否有空行，或某列没有绑定（KolId 列可能用了别的名称）。",
            [KolIdScientific] = "KolId '{0}' 是科学计数法：电子表格把长 ID 变成了舍入后的数字，其中的数字已丢失。请把 ID 列保存为文本（在 Excel 中粘贴前先设为“文本”格式），然后重新导出。",
            [KolIdWholeRow] = "输入 '{0}' 是整行数据，不是 KolId：它没有名为 KolId 或其别名（kol_id、Id、AuthorId、author_id、oAuthorId、StarId、star_id、XingtuId、达人ID、星图ID）的列。请重命名该列，或通过管道交给 Select-Object @{{ Name = 'KolId'; Expression = {{ $_.YourColumn }} }}。",
        };
    }
}
