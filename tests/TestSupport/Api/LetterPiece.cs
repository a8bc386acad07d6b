namespace TestSupport.Api;

/// <summary>An <c>ai_progress</c> event of the letter stream: the next piece of text.</summary>
public sealed record LetterPiece(string Text);
