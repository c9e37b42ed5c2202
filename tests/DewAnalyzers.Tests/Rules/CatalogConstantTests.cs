using System.Threading.Tasks;
using DewAnalyzers.CodeFixes;
using DewAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = DewAnalyzers.Tests.Infrastructure.Verify<DewAnalyzers.CatalogConstantAnalyzer>;
using VerifyFixCS = DewAnalyzers.Tests.Infrastructure.VerifyFix<DewAnalyzers.CatalogConstantAnalyzer, DewAnalyzers.CodeFixes.CatalogConstantFixer>;

namespace DewAnalyzers.Tests.Rules;

public sealed class CatalogConstantTests
{
    [Fact]
    public Task Comparison_IsReportedAndFixed() => VerifyFixCS.FixAsync(
        """
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == {|DEW002:"KMS.0207"|};
        }
        """,
        """
        using Dew.ErrorCodes;
        using HuaweiCloud.SDK.Core;

        class C
        {
            bool M(ServiceResponseException e) => e.ErrorCode == KmsErrorCodes.KeyNotFound;
        }
        """);
}
