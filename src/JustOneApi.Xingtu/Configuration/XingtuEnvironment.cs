namespace JustOneApi.Xingtu
{
    /// <summary>Which of the vendor's published API addresses to use.</summary>
    public enum XingtuEnvironment
    {
        /// <summary>https://api.justoneapi.com, the default (TLS).</summary>
        Global,

        /// <summary>http://47.117.133.51:30015, recommended for mainland China. Plain HTTP: the token crosses the network unencrypted.</summary>
        China,

        /// <summary>Any other base URI, set with -BaseUri or JUSTONEAPI_BASE_URI.</summary>
        Custom,
    }

    /// <summary>Where the token in use came from, in the order the module looks.</summary>
    public enum TokenSource
    {
        /// <summary>No token was found.</summary>
        None,

        /// <summary>The -Token parameter of the call.</summary>
        Parameter,

        /// <summary>Set-XingtuToken in this session.</summary>
        Session,

        /// <summary>The JUSTONEAPI_TOKEN environment variable.</summary>
        EnvironmentVariable,

        /// <summary>The token stored by Set-XingtuToken -Persist.</summary>
        Stored,
    }

    /// <summary>Where the base URI in use came from.</summary>
    public enum BaseUriSource
    {
        /// <summary>The built-in default (Global).</summary>
        Default,

        /// <summary>The JUSTONEAPI_BASE_URI environment variable.</summary>
        EnvironmentVariable,

        /// <summary>Set-XingtuConfiguration -BaseUri or -Environment in this process.</summary>
        Session,
    }

    /// <summary>How requests reach the API.</summary>
    public enum ProxyMode
    {
        /// <summary>Through the system's or the environment's proxy (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), if any: the default.</summary>
        System,

        /// <summary>Through the proxy set with Set-XingtuConfiguration -Proxy.</summary>
        Explicit,

        /// <summary>Direct, whatever the environment says (Set-XingtuConfiguration -NoProxy).</summary>
        NoProxy,
    }
}
