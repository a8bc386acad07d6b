namespace Modules.Upwork.Data;

internal static class ConnectionStatus
{
    public const string Active = "active";
    public const string Reconnect = "reconnect";
}
