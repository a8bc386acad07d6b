namespace Modules.Identity.Data;

internal sealed class PortfolioEntry
{
    public required string Title { get; set; }
    public string? Url { get; set; }
    public string? Description { get; set; }
    public List<string> Skills { get; set; } = [];
}
