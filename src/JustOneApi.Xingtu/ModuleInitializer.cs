using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace JustOneApi.Xingtu
{
    /// <summary>
    /// Loads the module's own copies of its dependencies (System.Text.Json and its helpers, in dependencies/) on
    /// Windows PowerShell 5.1, where .NET Framework does not have them, without touching other modules' copies.
    /// PowerShell 7 has them in the runtime and uses those, so there the folder is never read.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
        private static readonly string DependencyFolder = Path.Combine(ModuleFolder, "dependencies");

        private static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        /// <summary>Runs when the module is imported, before any of its cmdlets.</summary>
        public void OnImport()
        {
            if (IsNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
            }
        }

        /// <summary>Runs when the module is removed.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        }

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            // Only for this module and its dependencies: another module asking for System.Text.Json gets its own.
            // .NET Framework does not always name the requester; then a request for one of our files gets ours, which
            // is no worse than the load failure it would otherwise be.
            if (args.RequestingAssembly != null && !IsInModuleFolder(args.RequestingAssembly))
            {
                return null;
            }

            string path = Path.Combine(DependencyFolder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }

        private static bool IsInModuleFolder(Assembly assembly) =>
            !assembly.IsDynamic
            && !string.IsNullOrEmpty(assembly.Location)
            && assembly.Location.StartsWith(ModuleFolder, StringComparison.OrdinalIgnoreCase);
    }
}
