# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'par_criterion_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ParCriterionDialog(object):
    def setupUi(self, ParCriterionDialog):
        if not ParCriterionDialog.objectName():
            ParCriterionDialog.setObjectName(u"ParCriterionDialog")
        ParCriterionDialog.resize(620, 480)
        self.main_layout = QVBoxLayout(ParCriterionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.code_caption = QLabel(ParCriterionDialog)
        self.code_caption.setObjectName(u"code_caption")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.code_caption)

        self.code_label = QLabel(ParCriterionDialog)
        self.code_label.setObjectName(u"code_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.code_label)

        self.title_caption = QLabel(ParCriterionDialog)
        self.title_caption.setObjectName(u"title_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_caption)

        self.title_edit = QPlainTextEdit(ParCriterionDialog)
        self.title_edit.setObjectName(u"title_edit")
        self.title_edit.setTabChangesFocus(True)
        self.title_edit.setMaximumSize(QSize(16777215, 60))

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.max_caption = QLabel(ParCriterionDialog)
        self.max_caption.setObjectName(u"max_caption")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.max_caption)

        self.max_edit = QLineEdit(ParCriterionDialog)
        self.max_edit.setObjectName(u"max_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.max_edit)

        self.rule_caption = QLabel(ParCriterionDialog)
        self.rule_caption.setObjectName(u"rule_caption")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rule_caption)

        self.rule_edit = QPlainTextEdit(ParCriterionDialog)
        self.rule_edit.setObjectName(u"rule_edit")
        self.rule_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rule_edit)

        self.evidence_caption = QLabel(ParCriterionDialog)
        self.evidence_caption.setObjectName(u"evidence_caption")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.evidence_caption)

        self.evidence_edit = QPlainTextEdit(ParCriterionDialog)
        self.evidence_edit.setObjectName(u"evidence_edit")
        self.evidence_edit.setTabChangesFocus(True)
        self.evidence_edit.setMaximumSize(QSize(16777215, 60))

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.evidence_edit)

        self.survey_check = QCheckBox(ParCriterionDialog)
        self.survey_check.setObjectName(u"survey_check")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.survey_check)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(ParCriterionDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(ParCriterionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.title_caption.setBuddy(self.title_edit)
        self.max_caption.setBuddy(self.max_edit)
        self.rule_caption.setBuddy(self.rule_edit)
        self.evidence_caption.setBuddy(self.evidence_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title_edit, self.max_edit)
        QWidget.setTabOrder(self.max_edit, self.rule_edit)
        QWidget.setTabOrder(self.rule_edit, self.evidence_edit)
        QWidget.setTabOrder(self.evidence_edit, self.survey_check)

        self.retranslateUi(ParCriterionDialog)
    # setupUi

    def retranslateUi(self, ParCriterionDialog):
        ParCriterionDialog.setWindowTitle(QCoreApplication.translate("ParCriterionDialog", u"S\u1eeda m\u1ee5c c\u1ee7a b\u1ed9 ch\u1ec9 s\u1ed1", None))
        self.code_caption.setText(QCoreApplication.translate("ParCriterionDialog", u"M\u00e3:", None))
        self.code_label.setText("")
        self.title_caption.setText(QCoreApplication.translate("ParCriterionDialog", u"&T\u00ean:", None))
        self.max_caption.setText(QCoreApplication.translate("ParCriterionDialog", u"\u0110i\u1ec3m t\u1ed1i &\u0111a:", None))
        self.rule_caption.setText(QCoreApplication.translate("ParCriterionDialog", u"C\u00e1ch &ch\u1ea5m:", None))
        self.evidence_caption.setText(QCoreApplication.translate("ParCriterionDialog", u"T\u00e0i li\u1ec7u &ki\u1ec3m ch\u1ee9ng:", None))
        self.survey_check.setText(QCoreApplication.translate("ParCriterionDialog", u"Do \u0111i\u1ec1u tra x\u00e3 h\u1ed9i h\u1ecdc ch\u1ea5m (\u0111\u01a1n v\u1ecb kh\u00f4ng t\u1ef1 ch\u1ea5m)", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("ParCriterionDialog", u"color: #b71c1c;", None))
        self.error_label.setText("")
    # retranslateUi

