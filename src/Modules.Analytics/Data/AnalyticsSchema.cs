namespace Modules.Analytics.Data;

internal static class AnalyticsSchema
{
    public const string Name = "analytics";
}
