namespace Modules.Upwork.Data;

internal static class UpworkSchema
{
    public const string Name = "upwork";
}
