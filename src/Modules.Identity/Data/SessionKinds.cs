namespace Modules.Identity.Data;

internal static class SessionKinds
{
    public const string Browser = "browser";
    public const string Api = "api";
}
