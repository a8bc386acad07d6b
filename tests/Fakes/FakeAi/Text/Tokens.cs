namespace FakeAi.Text;

/// <summary>The fake's token arithmetic: one token per four characters, rounded up.</summary>
internal static class Tokens
{
    public static int ForChars(int chars) => (chars + 3) / 4;

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxTokens"/> tokens (4 characters each), mid-word like a real model.</summary>
    public static (string Text, bool Truncated) Truncate(string text, int? maxTokens)
    {
        if (maxTokens is not { } max || ForChars(text.Length) <= max)
        {
            return (text, false);
        }

        var cut = Math.Max(0, max) * 4;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return (text[..cut], true);
    }
}
