namespace TestSupport.Api;

/// <summary>A template's record across the team: proposals sent with it, hires among them and the win rate.</summary>
public sealed record TemplateWinRate(string Template, int Sent, int Hired, decimal? WinRate);
