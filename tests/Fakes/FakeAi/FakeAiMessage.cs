namespace FakeAi;

/// <summary>One message of a request, its content flattened to text (text parts or blocks joined, other kinds skipped).</summary>
/// <param name="Role">"system", "developer", "user", "assistant" or "tool", as sent.</param>
/// <param name="Text">The text content.</param>
public sealed record FakeAiMessage(string Role, string Text);
