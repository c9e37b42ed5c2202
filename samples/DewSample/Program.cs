using System;

namespace DewSample;

public static class Program
{
    public static void Main()
    {
        // The sample only needs to compile: `dotnet build samples/DewSample` shows the DEW diagnostics.
        Console.WriteLine("DewAnalyzers sample: build it to see the diagnostics.");
    }
}
