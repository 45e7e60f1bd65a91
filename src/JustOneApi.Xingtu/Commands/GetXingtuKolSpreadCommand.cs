using System.Collections.Generic;
using System.Management.Automation;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Gets Douyin Xingtu spread metrics for KOLs, from V1 or its successor V2. Its user help is
    /// docs/en-US/Get-XingtuKolSpread.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XingtuKolSpread")]
    [OutputType(typeof(KolSpread))]
    public sealed class GetXingtuKolSpreadCommand : KolBatchCommand<KolSpread>
    {
        private protected override IAnswerReader<KolSpread> CreateReader() => new KolSpreadReader(Query);

        private protected override IEnumerable<ApiRequest> RequestsOfRecord()
        {
            foreach ((string kolId, string? given) in KolIdsOfRecord())
            {
                yield return Query.For(kolId).WithInputKolId(given);
            }
        }

        private protected override void WriteResult(KolSpread result, ApiRequest request, bool isRepeat)
        {
            // A repeated KOL shares one fetch, but each row gets an object of its own, so Add-Member on one row does
            // not show up on another.
            WriteRow(isRepeat ? result.Copy() : result);
        }
    }
}
