import { Download } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field';
import { SectionCard } from '../../components/SectionCard';
import type { AuditEventFilter } from '../../generated/graphql';
import { exportUrl, type ExportFormat } from './auditFilter';

interface AuditExportProps {
  organizationId: string;
  filter: AuditEventFilter;
}

/** The filtered entries as a file: a plain link, so the browser streams the download. */
export function AuditExport({ organizationId, filter }: AuditExportProps) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('csv');
  return (
    <SectionCard
      titleId="audit-export-title"
      title={t('audit.exportTitle')}
      description={t('audit.exportIntro')}
    >
      <div className="audit-export">
        <SelectField
          label={t('audit.format')}
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
        >
          <option value="csv">{t('audit.formatCsv')}</option>
          <option value="jsonl">{t('audit.formatJsonl')}</option>
        </SelectField>
        <a className="button primary" href={exportUrl(organizationId, format, filter)} download>
          <Download aria-hidden="true" size={18} />
          {t('audit.download')}
        </a>
      </div>
      <p className="field-hint">{t('audit.verifyHint')}</p>
    </SectionCard>
  );
}
