namespace TestSupport.Api;

/// <summary>A letter template as <c>/api/v1/ai/templates</c> answers it.</summary>
public sealed record Template(string Id, string Name, string Body, int Version, bool BuiltIn, bool Shared, bool ReadOnly);
