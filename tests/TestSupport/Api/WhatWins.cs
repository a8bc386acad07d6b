namespace TestSupport.Api;

/// <summary>"What wins for you" as <c>/api/v1/analytics/what-wins</c> answers it (the fields tests read).</summary>
public sealed record WhatWins(int Sent, IReadOnlyList<WinsFinding> Findings, IReadOnlyList<WinsAttribute> Attributes);
