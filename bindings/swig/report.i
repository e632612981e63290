/* report.h: reports as models (sections, tables, typed columns, rows, notes) and their renderers. */
%immutable fd_report_info::key;
%immutable fd_report_info::title;
%immutable fd_report_meta_info::key;
%immutable fd_report_meta_info::label;
%immutable fd_report_meta_info::value;
%immutable fd_report_section_info::key;
%immutable fd_report_section_info::title;
%immutable fd_report_table_info::key;
%immutable fd_report_table_info::title;
%immutable fd_report_column_info::key;
%immutable fd_report_column_info::label;
%immutable fd_report_cell::text;
%include "frontdesk/report.h"
