namespace TestSupport.Api;

/// <summary>One bucket of an attribute: its label and the proposals sent in it.</summary>
public sealed record WinsBucket(string Label, int Sent);
