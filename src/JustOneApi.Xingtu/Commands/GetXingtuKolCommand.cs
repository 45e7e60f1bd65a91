using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using JustOneApi.Xingtu.Client;
using JustOneApi.Xingtu.Model;

namespace JustOneApi.Xingtu.Commands
{
    /// <summary>
    /// Gets one row per KOL that joins its creator profile, its prices and its spread metrics, each part one request
    /// of the same batch. Its user help is docs/en-US/Get-XingtuKol.md (and zh-CN).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "XingtuKol")]
    [OutputType(typeof(XingtuKol))]
    public sealed class GetXingtuKolCommand : KolBatchCommand<object?>
    {
        private readonly IAnswerReader<object?> _profileReader = new PartReader<KolProfile>(new KolProfileReader());
        private readonly IAnswerReader<object?> _priceReader = new PartReader<KolPrice>(new KolPriceReader());
        private IAnswerReader<object?>? _spreadReader;
        private AuthorQuery? _author;
        private XingtuKolPart[] _include = Array.Empty<XingtuKolPart>();

        /// <summary>
        /// Which parts to fetch for each KOL: Profile, Price, Spread; each is one billed request. The default is all three.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public XingtuKolPart[] Include { get; set; } = { XingtuKolPart.Profile, XingtuKolPart.Price, XingtuKolPart.Spread };

        private protected override bool AsksSpread => Include.Contains(XingtuKolPart.Spread);

        private protected override void ValidateParameters()
        {
            base.ValidateParameters();
            _include = Include.Distinct().OrderBy(part => part).ToArray();
            _author = new AuthorQuery(PlatformGiven);
            _spreadReader = new PartReader<KolSpread>(new KolSpreadReader(Query));
        }

        private protected override IEnumerable<IReadOnlyList<RequestPart<object?>>> PartsOfRecord()
        {
            foreach ((string kolId, string? given) in KolIdsOfRecord())
            {
                // An id that cannot be right is one error, not one per part, and no row: nothing is sent for it.
                if (KolIdCheck.Problem(kolId) != null)
                {
                    yield return new[] { new RequestPart<object?>(_author!.Profile(kolId, Subject(kolId)).WithInputKolId(given), _profileReader, null) };
                    continue;
                }

                var parts = new RequestPart<object?>[_include.Length];
                for (int i = 0; i < parts.Length; i++)
                {
                    XingtuKolPart part = _include[i];
                    string subject = Texts.Format(Texts.PartOfKol, PartName(part), kolId);
                    parts[i] = part switch
                    {
                        XingtuKolPart.Profile => new RequestPart<object?>(_author!.Profile(kolId, subject).WithInputKolId(given), _profileReader, part.ToString()),
                        XingtuKolPart.Price => new RequestPart<object?>(_author!.Price(kolId, subject).WithInputKolId(given), _priceReader, part.ToString()),
                        _ => new RequestPart<object?>(Query.For(kolId).WithSubject(subject).WithInputKolId(given), _spreadReader!, part.ToString()),
                    };
                }

                yield return parts;
            }
        }

        private protected override bool TryCombineParts(IReadOnlyList<RequestBatch<object?>.Entry> parts, out object? result)
        {
            KolProfile? profile = null;
            KolPrice? price = null;
            KolSpread? spread = null;
            var missing = new List<XingtuKolPart>();
            bool fromStore = true;
            bool repeat = parts.All(part => part.IsRepeat);
            foreach (RequestBatch<object?>.Entry entry in parts)
            {
                Outcome<object?> outcome = entry.Outcome;
                fromStore &= outcome.FromLocalCache;
                switch (outcome.Result)
                {
                    case KolProfile p:
                        profile = p;
                        break;
                    case KolPrice p:
                        price = p;
                        break;
                    case KolSpread s:
                        // A repeated KOL shares one fetch; each row gets a spread of its own, as Get-XingtuKolSpread's rows do.
                        spread = repeat ? s.Copy() : s;
                        break;
                    default:
                        missing.Add((XingtuKolPart)Enum.Parse(typeof(XingtuKolPart), entry.Part!));
                        break;
                }
            }

            result = XingtuKol.Join(parts[0].Request.KolId ?? parts[0].Request.Target, profile, price, spread, missing, fromStore);
            return true;
        }

        private protected override void WriteResult(object? result, ApiRequest request, bool isRepeat) => WriteRow(result);

        private static string Subject(string kolId) => "KOL '" + kolId + "'";

        /// <summary>The part's name as the user reads it in messages (MissingParts keeps the enum's name).</summary>
        private static string PartName(XingtuKolPart part) => part switch
        {
            XingtuKolPart.Profile => Texts.PartProfile,
            XingtuKolPart.Price => Texts.PartPrice,
            _ => Texts.PartSpread,
        };
    }
}
