namespace TestSupport.Api;

/// <summary>The alert bell's sound preference.</summary>
public sealed record AlertPreferences(bool PlaySound);
