namespace Shared.Text;

/// <summary>
/// The name of a copy of something a teammate shared (a letter template, a freelancer profile): "<c>name</c> (copy)",
/// numbered "(copy 2)", "(copy 3)"… while the user already has one so named. One rule for every "copy a shared one".
/// </summary>
public static class CopyNames
{
    /// <summary>
    /// The first free copy name for <paramref name="name"/>, cut to <paramref name="keep"/> characters first so the
    /// suffix still fits the column; <paramref name="taken"/> are the names the user already has (compared exactly).
    /// </summary>
    public static string For(string name, int keep, IReadOnlyCollection<string> taken)
    {
        var stem = name.Length > keep ? name[..keep] : name;
        var copy = $"{stem} (copy)";
        for (var n = 2; taken.Contains(copy); n++) copy = $"{stem} (copy {n})";
        return copy;
    }
}
