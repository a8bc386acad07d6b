namespace TestSupport.Api;

/// <summary>What marking every alert read answers: how many were marked.</summary>
public sealed record MarkedRead(int Marked);
