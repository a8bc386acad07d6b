namespace Modules.Upwork.Data;

/// <summary>Values of <see cref="JobPosting.Source"/>.</summary>
internal static class JobSources
{
    public const string Upwork = "upwork";
    public const string Webhook = "webhook";
    public const string Paste = "paste";
    public const string Demo = "demo";
}
