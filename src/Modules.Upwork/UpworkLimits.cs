namespace Modules.Upwork;

/// <summary>Per-user limits under <c>Upwork:Limits</c> (issue 17 item 4): caps on what one user may create, shared by the alert-channel and webhook-source slices.</summary>
internal sealed class UpworkLimits
{
    public const string Section = "Upwork:Limits";

    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int AlertChannelsPerUser { get; set; } = 10;

    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int WebhookSourcesPerUser { get; set; } = 5;
}
