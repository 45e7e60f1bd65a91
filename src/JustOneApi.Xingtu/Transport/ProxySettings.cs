using System;
using System.Linq;
using System.Net;

namespace JustOneApi.Xingtu.Transport
{
    /// <summary>
    /// How requests reach the API: through the system's or the environment's proxy (the default), through a proxy
    /// set with Set-XingtuConfiguration -Proxy, or direct. Immutable; each distinct setting gets its own HTTP client
    /// and connection pool. The credential lives in this process only: nothing here is written anywhere, and no text
    /// made here holds the password.
    /// </summary>
    internal sealed class ProxySettings
    {
        /// <summary>The system or environment proxy (HTTP_PROXY, HTTPS_PROXY, NO_PROXY; the Windows settings on 5.1).</summary>
        public static readonly ProxySettings System = new ProxySettings(ProxyMode.System, null, null, false, Array.Empty<string>());

        /// <summary>Direct, whatever the environment says.</summary>
        public static readonly ProxySettings None = new ProxySettings(ProxyMode.NoProxy, null, null, false, Array.Empty<string>());

        private ProxySettings(ProxyMode mode, Uri? address, NetworkCredential? credential, bool useDefaultCredentials, string[] bypassList)
        {
            Mode = mode;
            Address = address;
            Credential = credential;
            UseDefaultCredentials = useDefaultCredentials;
            BypassList = bypassList;
        }

        public ProxyMode Mode { get; }

        /// <summary>The proxy set with -Proxy; null in the other modes.</summary>
        public Uri? Address { get; }

        /// <summary>-ProxyCredential's user and password, for this process only.</summary>
        public NetworkCredential? Credential { get; }

        /// <summary>-ProxyUseDefaultCredentials: the signed-in user's (Windows integrated authentication).</summary>
        public bool UseDefaultCredentials { get; }

        /// <summary>Hosts that go direct: a name or address, or *.domain for every host under it.</summary>
        public string[] BypassList { get; }

        /// <summary>The user the proxy is given, as DOMAIN\user; "(default credentials)"; or empty. Never the password.</summary>
        public string User =>
            Credential != null ? (string.IsNullOrEmpty(Credential.Domain) ? Credential.UserName : Credential.Domain + "\\" + Credential.UserName)
            // untranslated: a property value (Get-XingtuConfiguration's ProxyUser) scripts compare; both help languages quote it as is.
            : UseDefaultCredentials ? "(default credentials)"
            : string.Empty;

        /// <summary>A proxy set explicitly, with what it needs.</summary>
        public static ProxySettings Explicit(Uri address, NetworkCredential? credential, bool useDefaultCredentials, string[]? bypassList) =>
            new ProxySettings(
                ProxyMode.Explicit,
                address,
                credential,
                useDefaultCredentials,
                (bypassList ?? Array.Empty<string>()).Select(host => host.Trim()).Where(host => host.Length > 0).ToArray());

        /// <summary>Returns null when <paramref name="address"/> is usable as -Proxy, else why not.</summary>
        public static string? AddressProblem(Uri? address)
        {
            if (address == null || !address.IsAbsoluteUri
                || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(address.UserInfo) || (address.PathAndQuery != "/" && address.PathAndQuery.Length > 0) || !string.IsNullOrEmpty(address.Fragment))
            {
                return Texts.L(Texts.ProxyAddressInvalid);
            }

            return null;
        }

        /// <summary>
        /// How a refused address may be named in an error: the scheme, host and port of an http(s) address, never a
        /// user or password typed into it; null for anything else, which may be such text unparsed.
        /// </summary>
        public static string? Shown(Uri? address) =>
            address != null && address.IsAbsoluteUri && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
                ? address.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)
                : null;

        /// <summary>The proxy for the handler: null for the system's, and for none (UseProxy is then false).</summary>
        public IWebProxy? CreateWebProxy() =>
            Mode == ProxyMode.Explicit ? new ExplicitProxy(this) : null;

        /// <summary>
        /// The proxy a request to <paramref name="target"/> goes through, or null when it goes direct. For the system's
        /// proxy this asks the runtime's default, the one the handler uses.
        /// </summary>
        public Uri? ProxyFor(Uri target)
        {
            try
            {
                IWebProxy? proxy = Mode == ProxyMode.Explicit ? new ExplicitProxy(this) : Mode == ProxyMode.System ? WebRequest.DefaultWebProxy : null;
                if (proxy == null || proxy.IsBypassed(target))
                {
                    return null;
                }

                Uri? through = proxy.GetProxy(target);
                return through == null || through == target ? null : through;
            }
            catch (Exception ex) when (ex is PlatformNotSupportedException || ex is InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>True when <paramref name="host"/> is on the bypass list.</summary>
        public bool Bypasses(string host)
        {
            foreach (string entry in BypassList)
            {
                if (entry == "*" || string.Equals(entry, host, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (entry.StartsWith("*.", StringComparison.Ordinal) || entry.StartsWith(".", StringComparison.Ordinal))
                {
                    string suffix = entry.Substring(entry.IndexOf('.'));
                    if (host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || string.Equals(host, suffix.Substring(1), StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The explicit proxy, for every host but those on the bypass list. Loopback is not bypassed by itself (a
        /// WebProxy on .NET Framework would), so a proxy on 127.0.0.1 in front of a local server works.
        /// </summary>
        private sealed class ExplicitProxy : IWebProxy
        {
            private readonly ProxySettings _settings;

            public ExplicitProxy(ProxySettings settings)
            {
                _settings = settings;
                Credentials = settings.Credential ?? (settings.UseDefaultCredentials ? CredentialCache.DefaultCredentials : null);
            }

            public ICredentials? Credentials { get; set; }

            public Uri GetProxy(Uri destination) => _settings.Address!;

            public bool IsBypassed(Uri host) => _settings.Bypasses(host.Host);
        }
    }
}
