namespace Modules.Identity.Data;

internal sealed class LetterEntry
{
    public required string Text { get; set; }
    public bool Won { get; set; }
}
